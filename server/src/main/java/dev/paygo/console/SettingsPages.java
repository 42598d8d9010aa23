package dev.paygo.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.account.Account;
import dev.paygo.auth.ApiToken;
import dev.paygo.auth.CreatedToken;
import dev.paygo.auth.NewToken;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.auth.Principal;
import dev.paygo.auth.TokenListing;
import dev.paygo.auth.TokenService;
import dev.paygo.error.ApiError;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.json.JsonFields;
import dev.paygo.paging.PageRequest;
import dev.paygo.profile.BillingProfile;
import dev.paygo.profile.ProfileChange;
import dev.paygo.profile.ProfileService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An account's billing profile (read with Billing Read; edited with Billing Write through the API's own parser
 * and rules, so the page refuses exactly what {@code PATCH …/billing/profile} refuses, field by field) and its API
 * tokens (Billing Write: list, create with the value shown once, revoke).
 */
final class SettingsPages {
    /** A profile field the page edits: its wire name, label, input type and autocomplete hint. */
    private record Editable(String name, String label, String type, String autocomplete) {
    }

    /** The profile fields the page edits, in order. */
    private static final List<Editable> FIELDS = List.of(
            new Editable("company", "Company", "text", "organization"),
            new Editable("first_name", "First name", "text", "given-name"),
            new Editable("last_name", "Last name", "text", "family-name"),
            new Editable("address", "Address", "text", "address-line1"),
            new Editable("address2", "Address, second line", "text", "address-line2"),
            new Editable("city", "City", "text", "address-level2"),
            new Editable("state", "State or region", "text", "address-level1"),
            new Editable("zipcode", "Postal code", "text", "postal-code"),
            new Editable("country", "Country (ISO code, e.g. US)", "text", "country"),
            new Editable("telephone", "Telephone", "tel", "tel"),
            new Editable("billing_email", "Billing email", "email", "email"),
            new Editable("vat", "VAT or tax id", "text", "off"));
    private static final int TOKENS_SHOWN = PageRequest.MAX_PER_PAGE;

    private final Gate gate;
    private final Views views;
    private final ProfileService profiles;
    private final TokenService tokens;
    private final ObjectMapper mapper;

    SettingsPages(Gate gate, Views views, ProfileService profiles, TokenService tokens, ObjectMapper mapper) {
        this.gate = gate;
        this.views = views;
        this.profiles = profiles;
        this.tokens = tokens;
        this.mapper = mapper;
    }

    void profile(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Account account = gate.account(ctx, who, PermissionGroup.BILLING_READ);
        Optional<BillingProfile> profile = profiles.find(account);
        Map<String, Object> stored = profile.map(BillingProfile::fields).orElse(Map.of());
        List<Models.ProfileField> fields = FIELDS.stream().map(f -> field(f,
                Optional.ofNullable(stored.get(f.name())).map(Object::toString).orElse(""), null)).toList();
        views.page(ctx, 200, "profile.jte", new Models.Profile(gate.chrome(who, account, "Billing profile", "profile",
                false), fields, card(profile), profile.isPresent(),
                ctx.queryParam("saved") != null ? "The billing profile is saved." : null, null));
    }

    void saveProfile(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Gate.checkForm(ctx, who.session());
        Account account = gate.account(ctx, who, PermissionGroup.BILLING_WRITE);
        Optional<BillingProfile> profile = profiles.find(account);
        Map<String, Object> stored = profile.map(BillingProfile::fields).orElse(Map.of());
        ObjectNode body = mapper.createObjectNode();
        for (Editable f : FIELDS) {
            String value = Optional.ofNullable(ctx.formParam(f.name())).map(String::strip).orElse(null);
            if (value != null && !value.isEmpty()) {
                body.put(f.name(), value);
            } else if (value != null && stored.containsKey(f.name())) {
                body.putNull(f.name());
            }
        }
        try {
            JsonFields fields = JsonFields.root(body, new Problems());
            ProfileChange change = ProfileChange.read(fields);
            fields.problems().throwIfAny();
            if (profile.isPresent()) {
                profiles.patch(account, change);
            } else {
                profiles.create(account, change);
            }
        } catch (PaygoException e) {
            Map<String, String> errors = new HashMap<>();
            for (ApiError error : e.errors()) {
                error.pointer().filter(p -> p.length() > 1).ifPresent(p -> errors.put(p.substring(1),
                        why(error.message(), p)));
            }
            List<Models.ProfileField> fields = FIELDS.stream().map(f -> field(f,
                    Optional.ofNullable(ctx.formParam(f.name())).orElse(""), errors.get(f.name()))).toList();
            String summary = errors.isEmpty() ? e.errors().stream().map(ApiError::message)
                    .collect(Collectors.joining("; ")) : "Some fields need a change: the profile was not saved.";
            views.page(ctx, e.status(), "profile.jte", new Models.Profile(gate.chrome(who, account,
                    "Billing profile", "profile", false), fields, card(profile), profile.isPresent(), null, summary));
            return;
        }
        ctx.redirect("/accounts/" + account.id() + "/profile?saved", HttpStatus.SEE_OTHER);
    }

    void tokens(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Account account = gate.account(ctx, who, PermissionGroup.BILLING_WRITE);
        String revoked = ctx.queryParam("revoked");
        showTokens(ctx, 200, who, account, null, revoked != null ? "The token was revoked." : null, null);
    }

    void createToken(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Gate.checkForm(ctx, who.session());
        Account account = gate.account(ctx, who, PermissionGroup.BILLING_WRITE);
        String name = Optional.ofNullable(ctx.formParam("name")).map(String::strip).orElse("");
        Optional<PermissionGroup> group = Arrays.stream(PermissionGroup.values())
                .filter(g -> g.name().equals(ctx.formParam("group"))).findFirst();
        if (name.isEmpty() || name.length() > 120 || group.isEmpty()) {
            showTokens(ctx, 400, who, account, null, null, name.isEmpty() ? "Give the token a name."
                    : name.length() > 120 ? "A token's name is at most 120 characters." : "Choose what the token may do.");
            return;
        }
        try {
            CreatedToken created = tokens.create(account.id(), NewToken.allowing(name, account.id(),
                    List.of(group.get())), who.principal());
            showTokens(ctx, 201, who, account, created, null, null);
        } catch (PaygoException e) {
            showTokens(ctx, e.status(), who, account, null, null, e.errors().stream().map(ApiError::message)
                    .collect(Collectors.joining("; ")));
        }
    }

    void revokeToken(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Gate.checkForm(ctx, who.session());
        Account account = gate.account(ctx, who, PermissionGroup.BILLING_WRITE);
        String tokenId = ctx.pathParam("token_id");
        try {
            tokens.revoke(account.id(), tokenId, ctx.path(), who.principal());
        } catch (PaygoException e) {
            showTokens(ctx, e.status(), who, account, null, null, e.status() == 404
                    ? "That token does not exist or was revoked already." : "You may not revoke that token.");
            return;
        }
        ctx.redirect("/accounts/" + account.id() + "/tokens?revoked", HttpStatus.SEE_OTHER);
    }

    private void showTokens(Context ctx, int status, SignedIn who, Account account, CreatedToken created,
                            String notice, String error) {
        Instant now = tokens.now();
        String current = who.principal() instanceof Principal.Token t ? t.token().id() : "";
        TokenListing shown = TokenListing.everyUnrevoked(new PageRequest(1, TOKENS_SHOWN));
        List<Models.TokenLine> lines = tokens.list(account.id(), shown).items().stream()
                .map(t -> new Models.TokenLine(t.id(), t.name(), groups(t), t.status(now), Fmt.time(t.issuedOn()),
                        t.id().equals(current)))
                .toList();
        List<Models.Option> groups = Arrays.stream(PermissionGroup.values())
                .map(g -> new Models.Option(g.name(), g.displayName(), g == PermissionGroup.BILLING_READ)).toList();
        views.page(ctx, status, "tokens.jte", new Models.Tokens(gate.chrome(who, account, "API tokens", "tokens",
                false), lines, groups, created == null ? null : created.token().name(),
                created == null ? null : created.value(), notice, error));
    }

    private static String groups(ApiToken token) {
        return token.allowedGroups().stream().map(PermissionGroup::displayName).collect(Collectors.joining(", "));
    }

    private static Models.ProfileField field(Editable f, String value, String error) {
        return new Models.ProfileField(f.name(), f.label(), value, error, f.type(), f.autocomplete());
    }

    private static String card(Optional<BillingProfile> profile) {
        return profile.flatMap(BillingProfile::card).map(c -> brand(c.brand()) + " " + c.masked() + ", expires "
                + c.expiryMonth() + "/" + c.expiryYear()).orElse(null);
    }

    private static String brand(String brand) {
        return brand.isEmpty() ? "Card" : Character.toUpperCase(brand.charAt(0)) + brand.substring(1);
    }

    /** The reason of a field's error, without the envelope's prefix and pointer ("is not a valid email …"). */
    private static String why(String message, String pointer) {
        int at = message.indexOf(pointer + " ");
        return at < 0 ? message : message.substring(at + pointer.length() + 1);
    }
}
