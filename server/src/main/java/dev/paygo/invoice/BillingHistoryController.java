package dev.paygo.invoice;

import dev.paygo.account.RequestAccount;
import dev.paygo.account.Account;
import dev.paygo.error.Problems;
import dev.paygo.paging.Page;
import dev.paygo.paging.PageRequest;
import dev.paygo.http.Responses;
import dev.paygo.money.Money;
import dev.paygo.payment.ManualGateway;
import dev.paygo.payment.Outcome;
import dev.paygo.payment.PaymentAttempt;
import dev.paygo.payment.PaymentService;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cloudflare's billing calls as {@code cloudflare@7.3.0} types them: {@code billing.history.list} (invoices and
 * payments, newest first, page pagination, filter {@code status}), {@code billing.unpaidInvoice.get} (open and
 * past-due invoices) and {@code billing.badDebt.get} (uncollectible invoices). Amounts are JSON numbers, as the
 * SDK types them, written from exact decimals.
 */
public final class BillingHistoryController {
    private static final Set<String> STATUSES = Stream.concat(
            Arrays.stream(InvoiceStatus.values()).map(InvoiceStatus::wire),
            Arrays.stream(Outcome.values()).map(Outcome::wire)).collect(Collectors.toCollection(TreeSet::new));

    private final InvoiceService invoices;
    private final PaymentService payments;
    private final Responses responses;

    public BillingHistoryController(InvoiceService invoices, PaymentService payments, Responses responses) {
        this.invoices = invoices;
        this.payments = payments;
        this.responses = responses;
    }

    public void history(Context ctx) {
        Account account = RequestAccount.of(ctx);
        PageRequest page = PageRequest.from(ctx, 20);
        String status = ctx.queryParam("status");
        if (status != null && !STATUSES.contains(status)) {
            Problems problems = new Problems();
            problems.addQuery("status", "must be one of " + String.join(", ", STATUSES));
            problems.throwIfAny();
        }
        List<Invoice> all = invoices.listAll(account);
        Map<String, Invoice> byId = all.stream().collect(Collectors.toMap(Invoice::id, Function.identity()));
        Map<String, String> hosted = invoices.hostedUrls(account, all);
        List<HistoryItem> items = Stream.concat(all.stream().map(i -> item(i, hosted.get(i.id()))),
                        payments.listByAccount(account.id()).stream().map(p -> item(p, byId.get(p.invoiceId()),
                                hosted.get(p.invoiceId()))))
                .filter(i -> status == null || i.status().equals(status))
                .sorted(Comparator.comparing(HistoryItem::occurredAt).thenComparing(HistoryItem::id).reversed())
                .toList();
        int from = (int) Math.min(page.offset(), items.size());
        int to = Math.min(from + page.perPage(), items.size());
        responses.page(ctx, Page.of(items.subList(from, to), page, items.size()));
    }

    public void unpaidInvoice(Context ctx) {
        Account account = RequestAccount.of(ctx);
        List<Invoice> unpaid = invoices.listAll(account).stream()
                .filter(i -> i.status() == InvoiceStatus.OPEN || i.status() == InvoiceStatus.PAST_DUE).toList();
        responses.ok(ctx, new UnpaidView(items(account, unpaid)));
    }

    public void badDebt(Context ctx) {
        Account account = RequestAccount.of(ctx);
        List<Invoice> bad = invoices.listAll(account).stream()
                .filter(i -> i.status() == InvoiceStatus.UNCOLLECTIBLE).toList();
        Money zero = Money.zero(Currency.getInstance(account.billingCurrency())).toMinorUnit();
        Money due = bad.stream().map(Invoice::due).reduce(zero, Money::plus);
        Money paid = bad.stream().map(Invoice::paid).reduce(zero, Money::plus);
        responses.ok(ctx, new BadDebtView(due.amount(), paid.amount(), bad.isEmpty() ? "none" : "outstanding",
                account.billingCurrency(), items(account, bad)));
    }

    private List<HistoryItem> items(Account account, List<Invoice> some) {
        Map<String, String> hosted = invoices.hostedUrls(account, some);
        return some.stream().map(i -> item(i, hosted.get(i.id()))).toList();
    }

    private static HistoryItem item(Invoice i, String hostedUrl) {
        return new HistoryItem(i.id(), "invoice", "invoice_issued", i.status().wire(), i.total().amount(),
                i.due().amount(), i.total().currencyCode(), "Invoice " + i.number() + " for " + i.periodStart() + " to "
                + i.periodEnd().minusDays(1), i.id(), i.number(), hostedUrl, i.issuedAt(), null, i.gateway(), null);
    }

    /** A payment: its invoice's number and hosted page (an attempt of an invoice this account no longer lists: its id). */
    private static HistoryItem item(PaymentAttempt p, Invoice invoice, String hostedUrl) {
        String number = invoice == null ? p.invoiceId() : invoice.number();
        boolean manual = p.gateway().equals(ManualGateway.NAME);
        String description = (manual ? "Payment received for invoice " : "Card payment for invoice ") + number
                + p.failure().map(f -> ": " + f).orElse("");
        return new HistoryItem(p.id(), "payment", manual ? "payment_received" : "charge", p.outcome().wire(),
                p.amount().amount(), null, p.amount().currencyCode(), description, p.invoiceId(), number, hostedUrl,
                p.finishedAt().orElse(p.createdAt()), p.outcome() == Outcome.SUCCEEDED ? p.reference().orElse(p.id())
                : null, p.gateway(), p.invoiceId());
    }

    /** One item of the billing history, as {@code HistoryListResponse} types it. */
    record HistoryItem(String id, String type, String action, String status, BigDecimal amount,
                       BigDecimal amountToPay, String currency, String description, String invoiceId,
                       String externalInvoiceId, String hostedInvoiceUrl, Instant occurredAt, String receiptId, String source,
                       String sourceInvoiceId) {
    }

    record UnpaidView(List<HistoryItem> invoices) {
    }

    record BadDebtView(BigDecimal totalDebtAmount, BigDecimal alreadyPaid, String badDebtStatus, String currency,
                       List<HistoryItem> invoices) {
    }
}
