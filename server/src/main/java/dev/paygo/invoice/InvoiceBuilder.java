package dev.paygo.invoice;

import dev.paygo.money.Money;
import dev.paygo.period.BillingPeriod;
import dev.paygo.rating.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lines of an invoice, as a pure function of what it bills: a line per service with a cost in the period
 * (the period's exact cost rounded once to the minor unit), a line per plan fee held during the period (the
 * whole fee: fees are not prorated), and a correction line per service of an earlier invoiced period whose cost
 * grew since it was billed (late usage). Corrections that would lower the total below zero wait for a later
 * invoice. It also says what each period's usage is billed at afterwards, so the next invoice's corrections
 * count from there.
 */
final class InvoiceBuilder {
    /** An earlier invoiced period: its days as rated now, what its usage costs now, and what it was billed. */
    record Invoiced(BillingPeriod period, List<UsageRecord> days, List<MetricTotal> now,
                    Map<String, BilledAmountRow> billed) {
        Invoiced(BillingPeriod period, List<UsageRecord> days, Map<String, BilledAmountRow> billed) {
            this(period, days, MetricTotal.of(days), billed);
        }
    }

    /** The lines, and the billed amounts to store with them. */
    record Result(List<InvoiceLine> lines, List<BilledAmountRow> billed, Money total) {
    }

    private InvoiceBuilder() {
    }

    static Result build(String accountId, Currency currency, BillingPeriod period, List<MetricTotal> usage,
                        List<HeldFee> fees, List<Invoiced> earlier) {
        List<InvoiceLine> lines = new ArrayList<>();
        List<BilledAmountRow> billed = new ArrayList<>();
        Money total = Money.zero(currency).toMinorUnit();
        for (MetricTotal metric : usage) {
            long minor = metric.billedMinor();
            billed.add(new BilledAmountRow(accountId, period.start().toString(), metric.metric(), minor,
                    metric.consumed().toPlainString()));
            if (minor != 0) {
                Money amount = Money.ofMinor(minor, currency);
                lines.add(new InvoiceLine(lines.size() + 1, LineKind.USAGE, metric.serviceName(),
                        Optional.of(metric.metric()), Optional.of(metric.consumed()), Optional.of(metric.unit()),
                        period.start(), period.end(), amount));
                total = total.plus(amount);
            }
        }
        for (HeldFee held : fees) {
            if (held.heldDuring(period)) {
                Money amount = held.fee().price(currency).toMinorUnit();
                lines.add(new InvoiceLine(lines.size() + 1, LineKind.SUBSCRIPTION, held.fee().name(),
                        Optional.empty(), Optional.of(BigDecimal.ONE), Optional.of(held.fee().period()),
                        period.start(), period.end(), amount));
                total = total.plus(amount);
            }
        }
        List<Pending> negative = new ArrayList<>();
        for (Invoiced invoiced : earlier) {
            for (MetricTotal metric : invoiced.now()) {
                BilledAmountRow before = invoiced.billed().get(metric.metric());
                long billedMinor = before == null ? 0 : before.billedMinor();
                BigDecimal billedQuantity = before == null ? BigDecimal.ZERO : new BigDecimal(before.billedQuantity());
                long difference = metric.billedMinor() - billedMinor;
                if (difference == 0) {
                    continue;
                }
                Pending correction = new Pending(invoiced.period(), metric, Money.ofMinor(difference, currency),
                        metric.consumed().subtract(billedQuantity));
                if (difference > 0) {
                    total = total.plus(correction.add(lines, billed, accountId));
                } else {
                    negative.add(correction);
                }
            }
        }
        for (Pending correction : negative) {
            if (!total.plus(correction.amount()).isNegative()) {
                total = total.plus(correction.add(lines, billed, accountId));
            }
        }
        return new Result(lines, billed, total);
    }

    /** A correction of one service of an earlier period. */
    private record Pending(BillingPeriod period, MetricTotal metric, Money amount, BigDecimal quantity) {
        Money add(List<InvoiceLine> lines, List<BilledAmountRow> billed, String accountId) {
            lines.add(new InvoiceLine(lines.size() + 1, LineKind.CORRECTION, "Correction: " + metric.serviceName()
                    + ", " + period.start() + " to " + period.end().minusDays(1), Optional.of(metric.metric()),
                    Optional.of(quantity), Optional.of(metric.unit()), period.start(), period.end(), amount));
            billed.add(new BilledAmountRow(accountId, period.start().toString(), metric.metric(), metric.billedMinor(),
                    metric.consumed().toPlainString()));
            return amount;
        }
    }
}
