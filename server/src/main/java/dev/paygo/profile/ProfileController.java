package dev.paygo.profile;

import dev.paygo.account.RequestAccount;
import dev.paygo.auth.RequestPrincipal;
import dev.paygo.account.Account;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.error.Problems;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.http.Responses;
import dev.paygo.money.Money;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * HTTP adapter of {@code /accounts/{id}/billing/profile}: GET (Billing Read); POST (create), PUT, PATCH and
 * DELETE (Billing Write); and its payment method: a setup intent, confirmed with a card. The answer carries
 * {@code ProfileGetResponse}'s fields; absent fields are left out. {@code balance} is what the account owes on
 * its unpaid invoices.
 */
public final class ProfileController {
    private static final Set<String> CONFIRM_FIELDS = Set.of("client_secret", ProfileFields.CARD_NUMBER,
            ProfileFields.CARD_EXPIRY_MONTH, ProfileFields.CARD_EXPIRY_YEAR);

    private final ProfileService profiles;
    private final PaymentMethodService paymentMethods;
    private final Function<Account, Money> balance;
    private final JsonBody body;
    private final Responses responses;

    /** @param balance what an account owes on its unpaid invoices */
    public ProfileController(ProfileService profiles, PaymentMethodService paymentMethods,
                             Function<Account, Money> balance, JsonBody body, Responses responses) {
        this.profiles = profiles;
        this.paymentMethods = paymentMethods;
        this.balance = balance;
        this.body = body;
        this.responses = responses;
    }

    public void create(Context ctx) {
        Account account = RequestAccount.of(ctx);
        BillingProfile created = profiles.create(account, change(ctx));
        if (RequestPrincipal.of(ctx).may(account.id(), PermissionGroup.BILLING_READ)) {
            responses.created(ctx, view(account, created));
        } else {
            responses.created(ctx, Map.of("id", created.id()));
        }
    }

    public void delete(Context ctx) {
        Account account = RequestAccount.of(ctx);
        responses.ok(ctx, Map.of("id", profiles.delete(account).id()));
    }

    /** {@code billing.profiles.paymentMethod.create}: a setup intent of the profile's gateway. */
    public void createPaymentMethod(Context ctx) {
        responses.created(ctx, paymentMethods.createIntent(RequestAccount.of(ctx)));
    }

    /** Confirms a setup intent with a card: the test gateway's stand-in for a processor's card form. */
    public void confirmPaymentMethod(Context ctx) {
        Account account = RequestAccount.of(ctx);
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems()).allowOnly(CONFIRM_FIELDS);
        String secret = fields.requiredString("client_secret", 200).orElse("");
        if (!fields.has(ProfileFields.CARD_NUMBER)) {
            fields.problems().add(fields.pointer(ProfileFields.CARD_NUMBER), "is required");
        }
        ProfileChange card = ProfileChange.readCard(fields);
        fields.problems().throwIfAny();
        answerWrite(ctx, account, paymentMethods.confirm(account, secret, card));
    }

    public void get(Context ctx) {
        Account account = RequestAccount.of(ctx);
        responses.ok(ctx, view(account, profiles.get(account)));
    }

    public void put(Context ctx) {
        Account account = RequestAccount.of(ctx);
        answerWrite(ctx, account, profiles.replace(account, change(ctx)));
    }

    public void patch(Context ctx) {
        Account account = RequestAccount.of(ctx);
        answerWrite(ctx, account, profiles.patch(account, change(ctx)));
    }

    /**
     * The written profile, to a caller who may read it; a caller with Billing Write whose Billing Read is denied
     * learns only the profile's id (a write answer must not carry what the caller may not read).
     */
    private void answerWrite(Context ctx, Account account, BillingProfile written) {
        if (RequestPrincipal.of(ctx).may(account.id(), PermissionGroup.BILLING_READ)) {
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
        out.put("balance", balance.apply(account).toWire());
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
