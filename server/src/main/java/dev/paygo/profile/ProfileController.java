package dev.paygo.profile;

import dev.paygo.account.Account;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.error.Problems;
import dev.paygo.http.Guard;
import dev.paygo.http.JsonBody;
import dev.paygo.http.JsonFields;
import dev.paygo.http.Responses;
import dev.paygo.money.Money;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP adapter of {@code /accounts/{id}/billing/profile}: GET (Billing Read), PUT and PATCH (Billing Write).
 * The answer carries the seed's {@code ProfileGetResponse} fields; absent fields are left out.
 */
public final class ProfileController {
    private final ProfileService profiles;
    private final JsonBody body;
    private final Responses responses;

    public ProfileController(ProfileService profiles, JsonBody body, Responses responses) {
        this.profiles = profiles;
        this.body = body;
        this.responses = responses;
    }

    public void get(Context ctx) {
        Account account = Guard.account(ctx);
        responses.ok(ctx, view(account, profiles.get(account)));
    }

    public void put(Context ctx) {
        Account account = Guard.account(ctx);
        answerWrite(ctx, account, profiles.replace(account, change(ctx)));
    }

    public void patch(Context ctx) {
        Account account = Guard.account(ctx);
        answerWrite(ctx, account, profiles.patch(account, change(ctx)));
    }

    /**
     * The written profile, to a caller who may read it; a caller with Billing Write whose Billing Read is denied
     * learns only the profile's id (a write answer must not carry what the caller may not read).
     */
    private void answerWrite(Context ctx, Account account, BillingProfile written) {
        if (Guard.principal(ctx).may(account.id(), PermissionGroup.BILLING_READ)) {
            responses.ok(ctx, view(account, written));
        } else {
            responses.ok(ctx, Map.of("id", written.id()));
        }
    }

    private ProfileChange change(Context ctx) {
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems());
        ProfileChange change = ProfileChange.read(fields);
        fields.problems().throwIfAny();
        return change;
    }

    private Map<String, Object> view(Account account, BillingProfile profile) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", profile.id());
        out.putAll(new TreeMap<>(profile.fields()));
        out.put("balance", Money.ofMicros(profile.balanceMicros(), account.billingCurrency()).toWire());
        profile.card().ifPresent(card -> {
            out.put("card_number", card.masked());
            out.put("card_expiry_month", card.expiryMonth());
            out.put("card_expiry_year", card.expiryYear());
            out.put("card_brand", card.brand());
        });
        out.put("created_on", profile.createdOn());
        out.put("edited_on", profile.editedOn());
        out.put("next_bill_date", profiles.nextBillDate(account));
        return out;
    }
}
