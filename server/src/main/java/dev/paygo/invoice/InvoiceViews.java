package dev.paygo.invoice;

import dev.paygo.payment.PaymentAttempt;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Invoices as the API writes them: the one rendering the invoice endpoints answer and the invoice webhooks carry.
 * Amounts are decimal strings in the currency's minor unit.
 */
final class InvoiceViews {
    private InvoiceViews() {
    }

    /** An invoice with its lines and payment attempts, as {@code GET /accounts/{id}/invoices/{invoice_id}}. */
    static InvoiceView full(Invoice invoice, List<PaymentAttempt> attempts, String hostedUrl) {
        return view(invoice, attempts.stream().map(InvoiceViews::attempt).toList(), hostedUrl);
    }

    static InvoiceView view(Invoice i, List<AttemptView> attempts, String hostedUrl) {
        return new InvoiceView(i.id(), i.number(), i.accountId(), i.status().wire(), i.total().currencyCode(),
                i.periodStart(), i.periodEnd(), i.gateway(), i.issuedAt(), i.lines().isEmpty() && attempts == null
                ? null : lines(i.lines()), i.total().plus(i.credits()).toWire(), i.credits().toWire(),
                i.total().toWire(), i.paid().toWire(),
                i.due().toWire(), attempts, i.nextAttemptAt().orElse(null), i.settledAt().orElse(null), hostedUrl);
    }

    static List<LineView> lines(List<InvoiceLine> lines) {
        return lines.stream().map(l -> new LineView(l.lineNo(), l.kind().wire(), l.description(),
                l.metric().orElse(null), l.quantity().map(BigDecimal::toPlainString).orElse(null), l.unit().orElse(null),
                l.periodStart(), l.periodEnd(), l.amount().toWire())).toList();
    }

    static AttemptView attempt(PaymentAttempt a) {
        return new AttemptView(a.id(), a.gateway(), a.amount().toWire(), a.amount().currencyCode(), a.outcome().wire(),
                a.failure().orElse(null), a.reference().orElse(null), a.createdAt(), a.finishedAt().orElse(null));
    }

    /**
     * An invoice on the wire. {@code subtotal} is the sum of the lines before credit; {@code credits_applied} is
     * what credit paid before the card (its lines are negative); {@code total} = subtotal − credits = the sum of
     * every line. {@code hosted_invoice_url} is the invoice's public page (and its PDF), readable without signing in
     * by whoever has the link, as Stripe's field of that name.
     */
    record InvoiceView(String id, String number, String accountId, String status, String currency,
                       LocalDate periodStart, LocalDate periodEnd, String gateway, Instant issuedAt,
                       List<LineView> lines, String subtotal, String creditsApplied, String total, String amountPaid,
                       String amountDue, List<AttemptView> paymentAttempts, Instant nextPaymentAttemptAt,
                       Instant settledAt, String hostedInvoiceUrl) {
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
