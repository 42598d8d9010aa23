package dev.paygo.invoice;

import dev.paygo.account.Account;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.http.Envelope.Page;
import dev.paygo.http.Guard;
import dev.paygo.http.JsonBody;
import dev.paygo.http.JsonFields;
import dev.paygo.http.PageRequest;
import dev.paygo.http.Responses;
import dev.paygo.payment.PaymentAttempt;
import dev.paygo.payment.PaymentService;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP adapter of paygo's own invoice API: an account's invoices (paged, newest first), one invoice with its
 * lines and payment attempts, the upcoming invoice, and the operator's calls (record a payment, void, run
 * billing now). Amounts are decimal strings in the currency's minor unit.
 */
public final class InvoiceController {
    private static final Set<String> PAYMENT_FIELDS = Set.of("amount", "currency", "reference");
    private static final Duration RUN_WAIT = Duration.ofSeconds(30);

    private final InvoiceService invoices;
    private final PaymentService payments;
    private final BillingRun billing;
    private final JsonBody body;
    private final Responses responses;

    public InvoiceController(InvoiceService invoices, PaymentService payments, BillingRun billing, JsonBody body,
                             Responses responses) {
        this.invoices = invoices;
        this.payments = payments;
        this.billing = billing;
        this.body = body;
        this.responses = responses;
    }

    public void list(Context ctx) {
        Page<Invoice> page = invoices.list(Guard.account(ctx), PageRequest.from(ctx, 20));
        responses.page(ctx, new Page<>(page.items().stream().map(i -> view(i, null)).toList(), page.info()));
    }

    public void get(Context ctx) {
        Account account = Guard.account(ctx);
        responses.ok(ctx, full(account, invoices.get(account, ctx.pathParam("invoice_id"))));
    }

    public void upcoming(Context ctx) {
        UpcomingInvoice upcoming = invoices.upcoming(Guard.account(ctx));
        responses.ok(ctx, new UpcomingView(upcoming.accountId(), "upcoming", upcoming.total().currencyCode(),
                upcoming.periodStart(), upcoming.periodEnd(), lines(upcoming.lines()),
                upcoming.total().plus(upcoming.credits()).toWire(), upcoming.credits().toWire(),
                upcoming.total().toWire()));
    }

    public void recordPayment(Context ctx) {
        Account account = Guard.account(ctx);
        String invoiceId = ctx.pathParam("invoice_id");
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems()).allowOnly(PAYMENT_FIELDS);
        Optional<BigDecimal> amount = fields.requiredDecimal("amount");
        String reference = fields.requiredString("reference", 200).orElse("");
        String currency = fields.string("currency", 3).orElse(account.billingCurrency());
        if (!currency.equals(account.billingCurrency())) {
            fields.problems().add(fields.pointer("currency"), "must be the account's billing currency, "
                    + account.billingCurrency());
        }
        fields.problems().throwIfAny();
        PaymentAttempt payment = invoices.recordPayment(account, invoiceId, amount.orElseThrow(), reference);
        responses.created(ctx, full(account, invoices.get(account, payment.invoiceId())));
    }

    public void voidInvoice(Context ctx) {
        Account account = Guard.account(ctx);
        responses.ok(ctx, full(account, invoices.voidInvoice(account, ctx.pathParam("invoice_id"))));
    }

    /** {@code POST /billing/runs}: one run now; 409 while another run keeps the lock for 30 seconds. */
    public void run(Context ctx) throws InterruptedException {
        RunReport report = billing.run(RUN_WAIT).orElseThrow(() -> new PaygoException(ErrorCode.CONFLICT, "another billing run holds the lock: try again when it ends"));
        responses.ok(ctx, report);
    }

    private InvoiceView full(Account account, Invoice invoice) {
        List<AttemptView> attempts = payments.listByInvoice(account.id(), invoice.id()).stream()
                .map(InvoiceController::attempt).toList();
        return view(invoice, attempts);
    }

    static InvoiceView view(Invoice i, List<AttemptView> attempts) {
        return new InvoiceView(i.id(), i.number(), i.accountId(), i.status().wire(), i.total().currencyCode(),
                i.periodStart(), i.periodEnd(), i.gateway(), i.issuedAt(), i.lines().isEmpty() && attempts == null
                ? null : lines(i.lines()), i.total().plus(i.credits()).toWire(), i.credits().toWire(),
                i.total().toWire(), i.paid().toWire(),
                i.due().toWire(), attempts, i.nextAttemptAt().orElse(null), i.settledAt().orElse(null));
    }

    private static List<LineView> lines(List<InvoiceLine> lines) {
        return lines.stream().map(l -> new LineView(l.lineNo(), l.kind().wire(), l.description(),
                l.metric().orElse(null), l.quantity().map(BigDecimal::toPlainString).orElse(null), l.unit().orElse(null),
                l.periodStart(), l.periodEnd(), l.amount().toWire())).toList();
    }

    private static AttemptView attempt(PaymentAttempt a) {
        return new AttemptView(a.id(), a.gateway(), a.amount().toWire(), a.amount().currencyCode(), a.outcome().wire(),
                a.failure().orElse(null), a.reference().orElse(null), a.createdAt(), a.finishedAt().orElse(null));
    }

    /**
     * An invoice on the wire. {@code subtotal} is the sum of the lines before credit; {@code credits_applied} is
     * what credit paid before the card (its lines are negative); {@code total} = subtotal − credits = the sum of
     * every line.
     */
    record InvoiceView(String id, String number, String accountId, String status, String currency,
                       LocalDate periodStart, LocalDate periodEnd, String gateway, Instant issuedAt,
                       List<LineView> lines, String subtotal, String creditsApplied, String total, String amountPaid,
                       String amountDue, List<AttemptView> paymentAttempts, Instant nextPaymentAttemptAt,
                       Instant settledAt) {
    }

    record UpcomingView(String accountId, String status, String currency, LocalDate periodStart,
                        LocalDate periodEnd, List<LineView> lines, String subtotal, String creditsApplied,
                        String total) {
    }

    record LineView(int lineNo, String kind, String description, String metric, String quantity, String unit,
                    LocalDate periodStart, LocalDate periodEnd, String amount) {
    }

    record AttemptView(String id, String gateway, String amount, String currency, String status, String failure,
                       String reference, Instant createdAt, Instant finishedAt) {
    }
}
