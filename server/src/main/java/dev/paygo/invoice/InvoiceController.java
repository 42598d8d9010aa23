package dev.paygo.invoice;

import dev.paygo.account.RequestAccount;
import dev.paygo.account.Account;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.paging.Page;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.paging.PageRequest;
import dev.paygo.http.Responses;
import dev.paygo.payment.PaymentAttempt;
import dev.paygo.payment.PaymentService;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        Account account = RequestAccount.of(ctx);
        Page<Invoice> page = invoices.list(account, PageRequest.from(ctx, 20));
        Map<String, String> hosted = invoices.hostedUrls(account, page.items());
        responses.page(ctx, new Page<>(page.items().stream().map(i -> InvoiceViews.view(i, null, hosted.get(i.id())))
                .toList(), page.info()));
    }

    public void get(Context ctx) {
        Account account = RequestAccount.of(ctx);
        responses.ok(ctx, full(account, invoices.get(account, ctx.pathParam("invoice_id"))));
    }

    public void upcoming(Context ctx) {
        UpcomingInvoice upcoming = invoices.upcoming(RequestAccount.of(ctx));
        responses.ok(ctx, new InvoiceViews.UpcomingView(upcoming.accountId(), "upcoming", upcoming.total().currencyCode(),
                upcoming.periodStart(), upcoming.periodEnd(), InvoiceViews.lines(upcoming.lines()),
                upcoming.total().plus(upcoming.credits()).toWire(), upcoming.credits().toWire(),
                upcoming.total().toWire()));
    }

    public void recordPayment(Context ctx) {
        Account account = RequestAccount.of(ctx);
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
        Account account = RequestAccount.of(ctx);
        responses.ok(ctx, full(account, invoices.voidInvoice(account, ctx.pathParam("invoice_id"))));
    }

    /** {@code POST /billing/runs}: one run now; 409 while another run keeps the lock for 30 seconds. */
    public void run(Context ctx) throws InterruptedException {
        RunReport report = billing.run(RUN_WAIT).orElseThrow(() -> new PaygoException(ErrorCode.CONFLICT, "another billing run holds the lock: try again when it ends"));
        responses.ok(ctx, report);
    }

    private InvoiceViews.InvoiceView full(Account account, Invoice invoice) {
        return InvoiceViews.full(invoice, payments.listByInvoice(account.id(), invoice.id()),
                invoices.hostedUrls(account, List.of(invoice)).get(invoice.id()));
    }
}
