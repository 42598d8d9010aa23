package dev.paygo.client;

import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.UnpaidInvoiceGetResponse;

/** {@code client.billing().unpaidInvoice()}: Cloudflare's {@code billing.unpaidInvoice}. Thread-safe. */
public final class UnpaidInvoiceService extends Resources {
    UnpaidInvoiceService(ClientCore core) {
        super(core);
    }

    /** The account's open and past-due invoices. */
    public UnpaidInvoiceGetResponse get(AccountParams account) {
        return one(ApiRequest.of("GET", "/accounts/{}/billing/unpaid-invoice", account.accountId()),
                UnpaidInvoiceGetResponse::fromJson);
    }
}
