package dev.paygo.client;

import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.CreditGetResponse;
import dev.paygo.client.models.CreditGrant;
import java.util.List;

/**
 * {@code client.billing().credits()}: Cloudflare's {@code billing.credits} (the summary), and paygo's list of an
 * account's credit grants. Thread-safe.
 */
public final class CreditsService extends Resources {
    CreditsService(ClientCore core) {
        super(core);
    }

    /** The credit in force: granted, left, consumed, and when it runs out at the current burn rate. */
    public CreditGetResponse get(AccountParams account) {
        return one(ApiRequest.of("GET", "/accounts/{}/billing/credits", account.accountId()),
                CreditGetResponse::fromJson);
    }

    /** Every grant of the account, in the order invoices use them (the one that ends first first). */
    public List<CreditGrant> list(AccountParams account) {
        return many(ApiRequest.of("GET", "/accounts/{}/credits", account.accountId()), CreditGrant::fromJson);
    }
}
