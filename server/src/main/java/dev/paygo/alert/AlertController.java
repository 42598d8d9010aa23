package dev.paygo.alert;

import dev.paygo.account.RequestAccount;
import dev.paygo.account.Account;
import dev.paygo.error.Problems;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.http.Responses;
import dev.paygo.period.BillingPeriod;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP adapter of spend alerts: {@code POST} and {@code DELETE /accounts/{id}/billing/alerts[/{alert_id}]}
 * (Billing Write), {@code GET /accounts/{id}/billing/alerts} (Billing Read). Amounts are decimal strings.
 */
public final class AlertController {
    private static final Set<String> FIELDS = Set.of("amount", "currency");

    private final SpendAlertService alerts;
    private final JsonBody body;
    private final Responses responses;

    public AlertController(SpendAlertService alerts, JsonBody body, Responses responses) {
        this.alerts = alerts;
        this.body = body;
        this.responses = responses;
    }

    public void create(Context ctx) {
        Account account = RequestAccount.of(ctx);
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems()).allowOnly(FIELDS);
        Optional<BigDecimal> amount = fields.requiredDecimal("amount");
        String currency = fields.string("currency", 3).orElse(account.billingCurrency());
        fields.problems().throwIfAny();
        SpendAlert alert = alerts.create(account, amount.orElseThrow(), currency);
        responses.created(ctx, view(alert, alerts.currentPeriod(account)));
    }

    public void list(Context ctx) {
        Account account = RequestAccount.of(ctx);
        BillingPeriod period = alerts.currentPeriod(account);
        responses.ok(ctx, alerts.list(account).stream().map(a -> view(a, period)).toList());
    }

    public void delete(Context ctx) {
        Account account = RequestAccount.of(ctx);
        String id = ctx.pathParam("alert_id");
        alerts.delete(account, id);
        responses.ok(ctx, Map.of("id", id));
    }

    private static AlertView view(SpendAlert a, BillingPeriod period) {
        return AlertView.of(a, period);
    }
}
