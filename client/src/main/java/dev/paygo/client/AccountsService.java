package dev.paygo.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.Account;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.PageParams;

/** paygo's accounts: create and list (operator), get (operator or Billing Read). Thread-safe. */
public final class AccountsService extends Resources {
    AccountsService(ClientCore core) {
        super(core);
    }

    public Account create(AccountParams.Create params) {
        ObjectNode body = ClientCore.MAPPER.createObjectNode();
        body.put("name", params.name());
        params.billingCurrency().ifPresent(c -> body.put("billing_currency", c));
        params.billingCycleAnchor().ifPresent(a -> body.put("billing_cycle_anchor", ClientCore.rfc3339(a)));
        return one(ApiRequest.of("POST", "/accounts").body(ClientCore.json(body), "application/json"),
                Account::fromJson);
    }

    public Account get(AccountParams params) {
        return one(ApiRequest.of("GET", "/accounts/{}", params.accountId()), Account::fromJson);
    }

    /** One page of accounts, oldest first; {@link Page#autoPager()} walks them all. */
    public Page<Account> list(PageParams params) {
        return page(ApiRequest.of("GET", "/accounts"), params, Account::fromJson, this::list);
    }
}
