package dev.paygo.client;

import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.HistoryListResponse;
import dev.paygo.client.models.PageParams;
import java.util.Map;

/** {@code client.billing().history()}: invoices and payments, newest first, as Cloudflare's SDKs list them. */
public final class HistoryService extends Resources {
    HistoryService(ClientCore core) {
        super(core);
    }

    /** One page of the account's billing history; {@link Page#autoPager()} walks it all. */
    public Page<HistoryListResponse> list(AccountParams account, PageParams params) {
        return page(ApiRequest.of("GET", "/accounts/{}/billing/history", account.accountId()), params,
                HistoryListResponse::fromJson, next -> list(account, next));
    }

    /** One page of the items of a status ({@code paid}, {@code past_due}, {@code succeeded}, {@code declined}...). */
    public Page<HistoryListResponse> list(AccountParams account, PageParams params, String status) {
        return page(ApiRequest.of("GET", "/accounts/{}/billing/history", account.accountId())
                        .query(Map.of("status", status)), params, HistoryListResponse::fromJson,
                next -> list(account, next, status));
    }
}
