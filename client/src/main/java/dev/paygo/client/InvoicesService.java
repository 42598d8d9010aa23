package dev.paygo.client;

import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.Invoice;
import dev.paygo.client.models.PageParams;

/**
 * {@code client.billing().invoices()}: paygo's invoices: lists, one with its lines and payment attempts, the
 * upcoming one. Thread-safe.
 */
public final class InvoicesService extends Resources {
    InvoicesService(ClientCore core) {
        super(core);
    }

    /** One page of the account's invoices, newest first, without their lines. */
    public Page<Invoice> list(AccountParams account, PageParams params) {
        return page(ApiRequest.of("GET", "/accounts/{}/invoices", account.accountId()), params, Invoice::fromJson,
                next -> list(account, next));
    }

    /** One invoice with its lines and payment attempts. */
    public Invoice get(AccountParams account, String invoiceId) {
        return one(ApiRequest.of("GET", "/accounts/{}/invoices/{}", account.accountId(), invoiceId), Invoice::fromJson);
    }

    /** The current period's invoice so far, with pending corrections: computed now, never stored. */
    public Invoice upcoming(AccountParams account) {
        return one(ApiRequest.of("GET", "/accounts/{}/invoices/upcoming", account.accountId()), Invoice::fromJson);
    }
}
