package dev.paygo.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.AccountParams;
import dev.paygo.client.models.SpendAlert;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code client.billing().alerts()}: paygo's spend alerts ("the current period's cost passes an amount"): set
 * and delete them with Billing Write, list them with Billing Read. Thread-safe.
 */
public final class AlertsService extends Resources {
    AlertsService(ClientCore core) {
        super(core);
    }

    /** Sets an alert at {@code amount} in the account's currency. */
    public SpendAlert create(AccountParams account, BigDecimal amount) {
        ObjectNode body = ClientCore.MAPPER.createObjectNode();
        body.put("amount", amount.toPlainString());
        return one(ApiRequest.of("POST", "/accounts/{}/billing/alerts", account.accountId())
                .body(ClientCore.json(body), "application/json"), SpendAlert::fromJson);
    }

    /** The account's alerts, lowest amount first, each with whether it fired in the current period. */
    public List<SpendAlert> list(AccountParams account) {
        return many(ApiRequest.of("GET", "/accounts/{}/billing/alerts", account.accountId()), SpendAlert::fromJson);
    }

    public void delete(AccountParams account, String alertId) {
        core.execute(ApiRequest.of("DELETE", "/accounts/{}/billing/alerts/{}", account.accountId(), alertId));
    }
}
