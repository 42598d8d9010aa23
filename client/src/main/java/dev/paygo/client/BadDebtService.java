package dev.paygo.client;

import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.BadDebtGetResponse;

/** {@code client.billing().badDebt()}: Cloudflare's {@code billing.badDebt}. Thread-safe. */
public final class BadDebtService extends Resources {
    BadDebtService(ClientCore core) {
        super(core);
    }

    /** The account's uncollectible invoices, what is still owed on them and what was paid. */
    public BadDebtGetResponse get(AccountParams account) {
        return one(ApiRequest.of("GET", "/accounts/{}/billing/bad-debt", account.accountId()),
                BadDebtGetResponse::fromJson);
    }
}
