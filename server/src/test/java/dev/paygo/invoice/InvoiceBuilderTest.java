package dev.paygo.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.catalog.SubscriptionFee;
import dev.paygo.money.Money;
import dev.paygo.period.BillingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceBuilderTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final BillingPeriod OCTOBER = new BillingPeriod(LocalDate.parse("2026-10-01"),
            LocalDate.parse("2026-11-01"));
    private static final BillingPeriod SEPTEMBER = new BillingPeriod(LocalDate.parse("2026-09-01"),
            LocalDate.parse("2026-10-01"));
    private static final SubscriptionFee PAID = new SubscriptionFee("workers_paid.subscription", "Workers Paid",
            Map.of(USD, new BigDecimal("5"), JPY, new BigDecimal("750")), "month", LocalDate.parse("2025-01-01"));

    private static MetricTotal total(String metric, String consumed, String exactCost, Currency currency) {
        return new MetricTotal(metric, metric + " service", "unit", new BigDecimal(consumed),
                new Money(new BigDecimal(exactCost), currency));
    }

    @Test
    void usageIsRoundedOnceHalfEvenAndFreeUsageHasNoLine() {
        InvoiceBuilder.Result built = InvoiceBuilder.build("a", USD, OCTOBER, List.of(
                total("a.metric", "10", "1.005", USD), total("b.metric", "3", "2.0150001", USD),
                total("free", "5", "0.004999", USD)), List.of(), List.of());
        assertThat(built.lines()).extracting(l -> l.amount().toWire()).containsExactly("1.00", "2.02");
        assertThat(built.total().toWire()).isEqualTo("3.02");
        assertThat(built.billed()).extracting(BilledAmountRow::billedMinor).containsExactly(100L, 202L, 0L);
    }

    @Test
    void yenHaveNoDecimals() {
        InvoiceBuilder.Result built = InvoiceBuilder.build("a", JPY, OCTOBER, List.of(total("a.metric", "1", "120.5",
                JPY)), List.of(new HeldFee(PAID, LocalDate.parse("2026-10-15"), Optional.empty())), List.of());
        assertThat(built.lines()).extracting(l -> l.amount().toWire()).containsExactly("120", "750");
        assertThat(built.total().toWire()).isEqualTo("870");
    }

    @Test
    void feesHeldOnAnyDayOfThePeriodAreBilledWhole() {
        List<HeldFee> fees = List.of(
                new HeldFee(PAID, LocalDate.parse("2026-10-31"), Optional.empty()),
                new HeldFee(PAID, LocalDate.parse("2026-08-01"), Optional.of(LocalDate.parse("2026-10-01"))),
                new HeldFee(PAID, LocalDate.parse("2026-11-01"), Optional.empty()));
        InvoiceBuilder.Result built = InvoiceBuilder.build("a", USD, OCTOBER, List.of(), fees, List.of());
        assertThat(built.lines()).hasSize(1);
        assertThat(built.total().toWire()).isEqualTo("5.00");
    }

    @Test
    void lateUsageBecomesACorrectionOfTheDifferenceAndANegativeOneWaitsRatherThanGoBelowZero() {
        InvoiceBuilder.Invoiced grew = new InvoiceBuilder.Invoiced(SEPTEMBER, List.of(), List.of(total("a.metric", "15",
                "4.50", USD)), Map.of("a.metric", new BilledAmountRow("a", "2026-09-01", "a.metric", 300, "10")));
        InvoiceBuilder.Result built = InvoiceBuilder.build("a", USD, OCTOBER, List.of(), List.of(), List.of(grew));
        assertThat(built.lines()).hasSize(1);
        InvoiceLine correction = built.lines().get(0);
        assertThat(correction.kind()).isEqualTo(LineKind.CORRECTION);
        assertThat(correction.amount().toWire()).isEqualTo("1.50");
        assertThat(correction.quantity()).contains(new BigDecimal("5"));
        assertThat(correction.periodStart()).isEqualTo(SEPTEMBER.start());
        assertThat(built.billed()).extracting(BilledAmountRow::billedMinor).containsExactly(450L);

        InvoiceBuilder.Invoiced shrank = new InvoiceBuilder.Invoiced(SEPTEMBER, List.of(), List.of(total("a.metric", "10",
                "2.00", USD)), Map.of("a.metric", new BilledAmountRow("a", "2026-09-01", "a.metric", 300, "10")));
        InvoiceBuilder.Result waits = InvoiceBuilder.build("a", USD, OCTOBER, List.of(total("b.metric", "1", "0.50",
                USD)), List.of(), List.of(shrank));
        assertThat(waits.lines()).hasSize(1);
        assertThat(waits.total().toWire()).isEqualTo("0.50");
        InvoiceBuilder.Result applies = InvoiceBuilder.build("a", USD, OCTOBER, List.of(total("b.metric", "1", "1.50",
                USD)), List.of(), List.of(shrank));
        assertThat(applies.total().toWire()).isEqualTo("0.50");
        assertThat(applies.lines()).extracting(l -> l.amount().toWire()).containsExactly("1.50", "-1.00");
    }
}
