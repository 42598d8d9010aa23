package dev.paygo.invoice;

import dev.paygo.account.RequestAccount;
import dev.paygo.account.Account;
import dev.paygo.error.Problems;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP adapter of the plan fees an account holds: {@code GET /accounts/{id}/subscription-fees} (Billing Read),
 * {@code PUT} and {@code DELETE /accounts/{id}/subscription-fees/{fee_id}} (the operator's).
 */
public final class FeeController {
    private static final Set<String> HOLD_FIELDS = Set.of("start_day");

    private final FeeService fees;
    private final JsonBody body;
    private final Responses responses;

    public FeeController(FeeService fees, JsonBody body, Responses responses) {
        this.fees = fees;
        this.body = body;
        this.responses = responses;
    }

    public void list(Context ctx) {
        Account account = RequestAccount.of(ctx);
        responses.ok(ctx, fees.list(account).stream().map(f -> view(account, f)).toList());
    }

    public void hold(Context ctx) {
        Account account = RequestAccount.of(ctx);
        JsonFields fields = JsonFields.root(body.parseOrEmpty(ctx), new Problems()).allowOnly(HOLD_FIELDS);
        Optional<LocalDate> start = fields.date("start_day");
        fields.problems().throwIfAny();
        responses.ok(ctx, view(account, fees.hold(account, ctx.pathParam("fee_id"), start)));
    }

    public void end(Context ctx) {
        Account account = RequestAccount.of(ctx);
        responses.ok(ctx, view(account, fees.end(account, ctx.pathParam("fee_id"))));
    }

    private static FeeView view(Account account, HeldFee held) {
        Currency currency = Currency.getInstance(account.billingCurrency());
        return new FeeView(held.fee().id(), held.fee().name(), held.fee().price(currency).toWire(),
                currency.getCurrencyCode(), held.fee().period(), held.from(), held.until().orElse(null));
    }

    /** A held fee on the wire; {@code end_day} is the first day it is no longer held. */
    record FeeView(String feeId, String name, String price, String currency, String period, LocalDate startDay,
                   LocalDate endDay) {
    }
}
