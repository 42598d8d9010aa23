package dev.paygo.credit;

import dev.paygo.account.RequestAccount;
import dev.paygo.account.Account;
import dev.paygo.error.Problems;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP adapter of credit: the operator's {@code POST /accounts/{id}/credits} and
 * {@code POST /accounts/{id}/credits/{credit_id}/expire}; {@code GET /accounts/{id}/credits} (the grants, with
 * what is left) and Cloudflare's {@code GET /accounts/{id}/billing/credits} for Billing Read. Amounts of grants are
 * decimal strings; Cloudflare's summary is in minor units, as its SDK types it.
 */
public final class CreditController {
    private static final Set<String> GRANT_FIELDS = Set.of("amount", "currency", "valid_from", "valid_to",
            "description");

    private final CreditService credits;
    private final JsonBody body;
    private final Responses responses;

    public CreditController(CreditService credits, JsonBody body, Responses responses) {
        this.credits = credits;
        this.body = body;
        this.responses = responses;
    }

    public void grant(Context ctx) {
        Account account = RequestAccount.of(ctx);
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems()).allowOnly(GRANT_FIELDS);
        Optional<BigDecimal> amount = fields.requiredDecimal("amount");
        String currency = fields.string("currency", 3).orElse(account.billingCurrency());
        Optional<Instant> validFrom = fields.instant("valid_from");
        Optional<Instant> validTo = fields.requiredInstant("valid_to");
        String description = fields.requiredString("description", 200).orElse("");
        fields.problems().throwIfAny();
        CreditGrant grant = credits.grant(account, new CreditService.Grant(amount.orElseThrow(), currency, validFrom,
                validTo.orElseThrow(), description));
        responses.created(ctx, view(grant));
    }

    public void list(Context ctx) {
        responses.ok(ctx, credits.list(RequestAccount.of(ctx)).stream().map(this::view).toList());
    }

    public void expire(Context ctx) {
        Account account = RequestAccount.of(ctx);
        responses.ok(ctx, view(credits.expire(account, ctx.pathParam("credit_id"))));
    }

    /** {@code billing.credits.get}. */
    public void summary(Context ctx) {
        responses.ok(ctx, credits.summary(RequestAccount.of(ctx)));
    }

    private GrantView view(CreditGrant g) {
        return GrantView.of(g, credits.status(g));
    }
}
