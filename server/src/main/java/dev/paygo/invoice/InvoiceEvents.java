package dev.paygo.invoice;

import dev.paygo.http.PublicUrl;
import dev.paygo.notify.EventType;
import dev.paygo.notify.Outbox;
import dev.paygo.payment.PaymentService;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Tells webhooks of an invoice's change, in the transaction that made it, with the invoice as the API shows it. */
final class InvoiceEvents {
    private final Outbox outbox;
    private final PaymentService payments;
    private final PublicUrl publicUrl;

    InvoiceEvents(Outbox outbox, PaymentService payments, PublicUrl publicUrl) {
        this.outbox = outbox;
        this.payments = payments;
        this.publicUrl = publicUrl;
    }

    void publish(Handle handle, EventType type, String accountId, String invoiceId) {
        outbox.publish(handle, type, accountId, () -> {
            InvoiceDao dao = handle.attach(InvoiceDao.class);
            Invoice invoice = InvoiceService.invoice(dao.find(accountId, invoiceId).orElseThrow(),
                    dao.listLines(accountId, invoiceId));
            String token = dao.listLinks(accountId, List.of(invoiceId)).get(invoiceId);
            return InvoiceViews.full(invoice, payments.listByInvoice(accountId, invoiceId),
                    publicUrl.of(InvoiceService.HOSTED_PATH + token));
        });
    }

    /** {@code invoice.paid} when the invoice is paid now (a payment may be partial). */
    void publishIfPaid(Handle handle, String accountId, String invoiceId) {
        boolean paid = handle.attach(InvoiceDao.class).find(accountId, invoiceId)
                .filter(row -> InvoiceStatus.fromWire(row.status()) == InvoiceStatus.PAID).isPresent();
        if (paid) {
            publish(handle, EventType.INVOICE_PAID, accountId, invoiceId);
        }
    }
}
