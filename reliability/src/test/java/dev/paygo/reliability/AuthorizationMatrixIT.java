package dev.paygo.reliability;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.auth.PermissionGroup;
import dev.paygo.routing.Access;
import dev.paygo.paging.PageRequest;
import dev.paygo.routing.Route;
import dev.paygo.notify.Delivery;
import dev.paygo.notify.WebhookEndpoint;
import dev.paygo.notify.WebhookService;
import dev.paygo.notify.WebhookSettings;
import dev.paygo.testing.Http;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every route of the route table × every kind of credential × every kind of target account: the expected answer
 * of each cell is derived from the route's declared {@link Access} alone, and any cell that differs fails. The
 * expectation is an exhaustive switch over the kinds of access, so a new kind cannot be added without saying
 * what it allows; a route that takes a body needs a recipe ({@link Recipes}).
 */
class AuthorizationMatrixIT {
    private static final Set<PermissionGroup> NONE = EnumSet.noneOf(PermissionGroup.class);

    /** What a credential is, as far as the expectation goes; {@code groups} are what it may do on the own account. */
    enum Kind { NONE, GARBAGE, OPERATOR, TOKEN, DEAD_TOKEN, USER }

    record Credential(String label, Kind kind, Set<PermissionGroup> groups, String[] headers) {
    }

    enum Target { OWN, OTHER, MISSING, MALFORMED }

    /** An expected answer: the status, and the error code where one is fixed (0: any 2xx). */
    record Expected(int status, int code) {
        static Expected success(Route route) {
            if (route.method().equals("POST") && route.path().endsWith("/billing/profile")) {
                // Creating a profile the PUT cells before it filled: 409 (1185) shows the caller got past
                // authorization as surely as a 201 would.
                return new Expected(409, 1185);
            }
            boolean acts = route.path().endsWith("/usage/events") || route.path().endsWith("/billing/runs")
                    || route.path().endsWith("/void") || route.path().endsWith("/confirm")
                    || route.path().endsWith("/expire") || route.path().endsWith("/retry");
            boolean creates = route.method().equals("POST") && !acts;
            return new Expected(creates ? 201 : 200, 0);
        }
    }

    @Test
    void everyCellAnswersWhatTheRoutesDeclaredAccessSays() {
        MutableClock clock = MutableClock.at("2025-03-05T12:00:00Z");
        try (TestServer server = TestServer.start(c -> c.withClock(clock).withLateEventDays(60)
                .withWebhooks(WebhookSettings.DEFAULT.withAllowPrivate(true)))) {
            String own = server.createAccount("Matrix own", "2025-03-01T00:00:00Z");
            String other = server.createAccount("Matrix other", "2025-03-01T00:00:00Z");
            invoiceJanuaryAndFebruary(server, own, other);
            String missing = "0123456789abcdef0123456789abcdef";
            List<Credential> credentials = credentials(server, own, clock);
            int cells = 0;
            Map<String, Integer> byOutcome = new TreeMap<>();
            List<String> wrong = new ArrayList<>();
            for (Route route : server.server().routes()) {
                List<Target> targets = takesAnAccount(route) ? List.of(Target.values()) : List.of(Target.OWN);
                for (Credential credential : credentials) {
                    for (Target target : targets) {
                        String account = switch (target) {
                            case OWN -> own;
                            case OTHER -> other;
                            case MISSING -> missing;
                            case MALFORMED -> "not-an-account";
                        };
                        Expected expected = expected(route, credential, target);
                        Http.Reply reply = send(server, route, credential, account, cells);
                        cells++;
                        byOutcome.merge(String.valueOf(expected.status()), 1, Integer::sum);
                        boolean statusOk = reply.status() == expected.status();
                        boolean codeOk = expected.code() == 0 || reply.errorCode() == expected.code();
                        if (!statusOk || !codeOk) {
                            wrong.add(route.method() + " " + route.path() + " as " + credential.label() + " on " + target
                                    + ": expected " + expected + ", got " + reply);
                        }
                    }
                }
            }
            assertThat(wrong).as("cells that differ from the declared access").isEmpty();
            Suite.record("authorization-matrix", "cells=" + cells + " routes=" + server.server().routes().size()
                    + " credentials=" + credentials.size() + " expected-statuses=" + byOutcome);
        }
    }

    private static boolean takesAnAccount(Route route) {
        return route.path().contains("{account_id}") || route.access().kind() == Access.Kind.ACCOUNTS_IN_BODY;
    }

    /** The answer a cell must give, from the route's Access, the credential and the target alone. */
    static Expected expected(Route route, Credential credential, Target target) {
        Access access = route.access();
        boolean hasAccount = route.path().contains("{account_id}");
        switch (access.kind()) {
            case PUBLIC:
                return new Expected(200, 0);
            case TOKEN_ITSELF:
                return switch (credential.kind()) {
                    case NONE, USER -> new Expected(400, 9106);
                    case GARBAGE -> new Expected(400, 6003);
                    case DEAD_TOKEN -> new Expected(401, 1000);
                    case OPERATOR -> hasAccount ? new Expected(401, 1000) : new Expected(200, 0);
                    case TOKEN -> !hasAccount || target == Target.OWN ? new Expected(200, 0) : new Expected(401, 1000);
                };
            default:
                break;
        }
        switch (credential.kind()) {
            case NONE:
                return new Expected(400, 9106);
            case GARBAGE:
                return new Expected(400, 6003);
            case DEAD_TOKEN:
                return new Expected(403, 9109);
            default:
                break;
        }
        boolean operator = credential.kind() == Kind.OPERATOR;
        return switch (access.kind()) {
            case PUBLIC, TOKEN_ITSELF -> throw new AssertionError("handled above");
            case AUTHENTICATED -> new Expected(200, 0);
            case OPERATOR -> {
                if (!operator) {
                    yield new Expected(403, 10000);
                }
                yield hasAccount && (target == Target.MISSING || target == Target.MALFORMED)
                        ? new Expected(404, 7003) : Expected.success(route);
            }
            case ACCOUNT -> {
                if (operator) {
                    yield target == Target.MISSING || target == Target.MALFORMED ? new Expected(404, 7003)
                            : Expected.success(route);
                }
                yield target == Target.OWN && credential.groups().containsAll(access.permissions())
                        ? Expected.success(route) : new Expected(403, 10000);
            }
            case ORGANIZATION -> operator ? Expected.success(route) : new Expected(403, 10000);
            case ACCOUNTS_IN_BODY -> {
                if (target == Target.MALFORMED) {
                    yield new Expected(400, 1183);
                }
                if (operator) {
                    yield target == Target.MISSING ? new Expected(400, 1183) : Expected.success(route);
                }
                yield target == Target.OWN && credential.groups().containsAll(access.permissions())
                        ? Expected.success(route) : new Expected(403, 10000);
            }
        };
    }

    private static Http.Reply send(TestServer server, Route route, Credential credential, String account, int cell) {
        String path = route.path().replace("/client/v4", "").replace("{account_id}", account);
        if (path.contains("{organization_id}")) {
            String organization = standingOrganization(server);
            if (route.method().equals("DELETE") && path.contains("/accounts/")) {
                // Removing needs a member: the account (when it exists) is added first.
                server.server().accounts().find(account).ifPresent(a -> server.server().organizations()
                        .addAccount(organization, a.id(), "/organizations"));
            }
            path = path.replace("{organization_id}", organization);
            if (path.contains("{token_id}")) {
                path = path.replace("{token_id}", server.server().tokens().createForOrganization(organization,
                        new dev.paygo.auth.NewToken("victim " + cell, List.of(new dev.paygo.auth.NewToken.NewPolicy(
                                "allow", List.of(BILLING_READ.id()), Map.of(dev.paygo.auth.Policy
                                        .ORGANIZATION_RESOURCE_PREFIX + organization, "*"))), Optional.empty(),
                                Optional.empty()), new dev.paygo.auth.Principal.Operator("matrix")).token().id());
            }
        }
        path = path.replace("{zone_id}", Recipes.ZONE_ID);
        if (path.contains("{token_id}")) {
            path = path.replace("{token_id}", victimToken(server, account));
        }
        if (path.contains("{user_id}")) {
            path = path.replace("{user_id}", member(server, account, cell));
        }
        if (path.contains("{invoice_id}")) {
            // Void takes the older of the account's two invoices; payments and reads the newer.
            path = path.replace("{invoice_id}", invoice(server, account, route.path().endsWith("/void") ? 1 : 0));
        }
        if (route.path().contains("/billing/alerts")) {
            // Alerts are capped per account: every alert cell starts from none, and a delete gets a fresh one.
            path = path.replace("{alert_id}", freshAlert(server, account));
        }
        if (path.contains("{credit_id}")) {
            path = path.replace("{credit_id}", creditGrant(server, account, cell));
        }
        if (path.contains("{webhook_id}")) {
            WebhookEndpoint endpoint = route.method().equals("DELETE") ? webhookToDelete(server)
                    : standingWebhook(server, account, cell);
            path = path.replace("{webhook_id}", endpoint.id()).replace("{delivery_id}", server.server().webhooks()
                    .deliveries(endpoint.id(), Optional.empty(), new PageRequest(1, 1)).items().stream().findFirst()
                    .map(Delivery::id).orElse("none"));
        }
        path = path.replace("{fee_id}", Recipes.FEE_ID).replace("{public_key}", Recipes.RATE_PLAN);
        assertThat(path).as("a path parameter without a recipe in " + route.path()).doesNotContain("{");
        StringBuilder query = new StringBuilder();
        Recipes.queryFor(route).forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&").append(k).append('=')
                .append(v));
        Http.Call call = server.http().call(route.method(), path + query).headers(credential.headers());
        if (route.path().startsWith("/client/v4")) {
            Optional<Recipes.Body> body = Recipes.bodyFor(route, account, "m" + cell);
            if (body.isPresent()) {
                String json = body.get().json().replace("ORGANIZATION_ID", standingOrganization(server));
                if (json.contains(Recipes.SETUP_SECRET)) {
                    json = json.replace(Recipes.SETUP_SECRET, setupSecret(server, account));
                }
                call = call.body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .headers("Content-Type", body.get().contentType());
            }
            return call.send();
        }
        return new Http(server.baseUrl().replace("/client/v4", "")).call(route.method(), path).headers(credential.headers())
                .send();
    }

    /** The organization the organization routes use (created on first use; the operator's cells add accounts). */
    private static String standingOrganization(TestServer server) {
        return server.server().organizations().list(new PageRequest(1, 100)).items().stream()
                .filter(o -> o.name().equals("Matrix org")).findFirst()
                .orElseGet(() -> server.server().organizations().create("Matrix org")).id();
    }

    /** Usage in January and February 2025 on both accounts, invoiced by a billing run (two invoices each). */
    private static void invoiceJanuaryAndFebruary(TestServer server, String... accounts) {
        for (String account : accounts) {
            String usage = server.createToken(account, USAGE_WRITE);
            Http.Reply sent = server.http().call("POST", "/accounts/" + account + "/usage/events").bearer(usage)
                    .json("[{\"id\": \"jan\", \"metric\": \"workers.requests\", \"quantity\": 30000000, "
                            + "\"timestamp\": \"2025-01-20T10:00:00Z\"}, {\"id\": \"feb\", \"metric\": "
                            + "\"workers.requests\", \"quantity\": 30000000, \"timestamp\": \"2025-02-10T10:00:00Z\"}]")
                    .send();
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        }
        assertThat(server.asOperator("POST", "/billing/runs").send().result().get("invoices_issued").asLong())
                .isEqualTo(2L * accounts.length);
    }

    /** The account's invoice, newest first (a made-up id for an account that does not exist). */
    private static String invoice(TestServer server, String account, int index) {
        if (account.length() != 32 || account.startsWith("0123456789")) {
            return "00000000000000000000000000000000";
        }
        return server.asOperator("GET", "/accounts/" + account + "/invoices").send().result().get(index).get("id")
                .asText();
    }

    /** Removes the account's alerts and sets one (unreachable) to delete; a made-up id for a missing account. */
    private static String freshAlert(TestServer server, String account) {
        Optional<dev.paygo.account.Account> found = server.server().accounts().find(account);
        if (found.isEmpty()) {
            return "00000000000000000000000000000000";
        }
        dev.paygo.alert.SpendAlertService alerts = server.server().alerts();
        alerts.list(found.get()).forEach(a -> alerts.delete(found.get(), a.id()));
        return alerts.create(found.get(), new java.math.BigDecimal("1000000"), "USD").id();
    }

    /** A fresh webhook endpoint to delete; the ones earlier cells left are deleted first (endpoints are capped). */
    private static WebhookEndpoint webhookToDelete(TestServer server) {
        WebhookService webhooks = server.server().webhooks();
        webhooks.list().stream().filter(e -> e.description().equals("to delete")).forEach(e -> webhooks.delete(e.id()));
        return webhooks.register(Recipes.WEBHOOK_URL + "delete", "to delete", List.of("credit.expired"));
    }

    /** The endpoint the other webhook cells use, with a delivery (of a grant expired on the account) to retry. */
    private static WebhookEndpoint standingWebhook(TestServer server, String account, int cell) {
        WebhookService webhooks = server.server().webhooks();
        return webhooks.list().stream().filter(e -> e.description().equals("standing")).findFirst().orElseGet(() -> {
            WebhookEndpoint endpoint = webhooks.register(Recipes.WEBHOOK_URL + "standing", "standing",
                    List.of("credit.expired"));
            Http.Reply expired = server.asOperator("POST", "/accounts/" + account + "/credits/"
                    + creditGrant(server, account, cell) + "/expire").send();
            assertThat(expired.status()).as(expired.toString()).isEqualTo(200);
            return endpoint;
        });
    }

    /** A fresh credit grant of the account, to expire (a made-up id for an account that does not exist). */
    private static String creditGrant(TestServer server, String account, int cell) {
        if (account.length() != 32 || account.startsWith("0123456789")) {
            return "00000000000000000000000000000000";
        }
        return server.asOperator("POST", "/accounts/" + account + "/credits").json("{\"amount\": \"1.00\", "
                + "\"valid_to\": \"2099-01-01T00:00:00Z\", \"description\": \"to expire " + cell + "\"}").send()
                .result().get("id").asText();
    }

    /** A fresh setup intent's client secret for the account (a made-up one for an account that does not exist). */
    private static String setupSecret(TestServer server, String account) {
        if (account.length() != 32 || account.startsWith("0123456789")) {
            return "seti_none";
        }
        Http.Reply intent = server.asOperator("POST", "/accounts/" + account + "/billing/profile/payment-method").send();
        return intent.status() == 201 ? intent.result().get("client_secret").asText() : "seti_none";
    }

    /** A token to revoke: allowing Billing Write only, so every caller with Billing Write could have created it. */
    private static String victimToken(TestServer server, String account) {
        if (account.length() != 32 || account.startsWith("0123456789")) {
            return "00000000000000000000000000000000";
        }
        return server.createTokenReply(account, BILLING_WRITE).get("id").asText();
    }

    /** A member to remove: a new user, a member of the account when it exists. */
    private static String member(TestServer server, String account, int cell) {
        String email = "leaver-" + cell + "@example.com";
        String userId = server.asOperator("POST", "/users").json("{\"email\": \"" + email + "\"}").send()
                .result().get("id").asText();
        server.asOperator("POST", "/accounts/" + account + "/members").json("{\"email\": \"" + email
                + "\", \"permission_groups\": [{\"id\": \"" + BILLING_READ.id() + "\"}]}").send();
        return userId;
    }

    private static List<Credential> credentials(TestServer server, String own, MutableClock clock) {
        List<Credential> all = new ArrayList<>();
        all.add(new Credential("no credential", Kind.NONE, NONE, new String[0]));
        all.add(new Credential("garbage header", Kind.GARBAGE, NONE, new String[] {"Authorization", "Bearer"}));
        all.add(new Credential("operator", Kind.OPERATOR, EnumSet.allOf(PermissionGroup.class),
                new String[] {"Authorization", "Bearer " + TestServer.OPERATOR_TOKEN}));
        Map<String, PermissionGroup[]> alone = new TreeMap<>(Map.of(
                "Billing Read", new PermissionGroup[] {BILLING_READ},
                "Billing Write", new PermissionGroup[] {BILLING_WRITE},
                "Usage Write", new PermissionGroup[] {USAGE_WRITE},
                "Read+Write", new PermissionGroup[] {BILLING_READ, BILLING_WRITE},
                "Read+Usage", new PermissionGroup[] {BILLING_READ, USAGE_WRITE},
                "Write+Usage", new PermissionGroup[] {BILLING_WRITE, USAGE_WRITE},
                "all three", new PermissionGroup[] {BILLING_READ, BILLING_WRITE, USAGE_WRITE}));
        alone.forEach((label, groups) -> {
            Set<PermissionGroup> may = EnumSet.noneOf(PermissionGroup.class);
            may.addAll(List.of(groups));
            if (may.contains(BILLING_WRITE)) {
                may.add(BILLING_READ);
            }
            all.add(new Credential("token " + label, Kind.TOKEN, may, bearer(server.createToken(own, groups))));
        });
        all.add(policyToken(server, own, "allow Write, deny Read", EnumSet.of(BILLING_WRITE),
                "allow", BILLING_WRITE, "deny", BILLING_READ));
        all.add(policyToken(server, own, "allow Read, deny Write", EnumSet.of(BILLING_READ),
                "allow", BILLING_READ, "deny", BILLING_WRITE));
        all.add(policyToken(server, own, "allow all, deny Usage", EnumSet.of(BILLING_READ, BILLING_WRITE),
                "allow", BILLING_WRITE, "allow", USAGE_WRITE, "deny", USAGE_WRITE));

        var revoked = server.createTokenReply(own, BILLING_READ, BILLING_WRITE, USAGE_WRITE);
        server.asOperator("DELETE", "/accounts/" + own + "/tokens/" + revoked.get("id").asText()).send();
        all.add(new Credential("revoked token", Kind.DEAD_TOKEN, NONE, bearer(revoked.get("value").asText())));
        all.add(new Credential("expired token", Kind.DEAD_TOKEN, NONE, bearer(tokenWith(server, own,
                "\"expires_on\": \"2025-03-05T13:00:00Z\""))));
        all.add(new Credential("not-yet-valid token", Kind.DEAD_TOKEN, NONE, bearer(tokenWith(server, own,
                "\"not_before\": \"2030-01-01T00:00:00Z\""))));

        all.add(user(server, own, "reader@example.com", EnumSet.of(BILLING_READ)));
        all.add(user(server, own, "writer@example.com", EnumSet.of(BILLING_WRITE, BILLING_READ)));
        String stranger = server.asOperator("POST", "/users").json("{\"email\": \"stranger@example.com\"}").send()
                .result().get("api_key").asText();
        all.add(new Credential("global key, not a member", Kind.USER, NONE,
                new String[] {"X-Auth-Email", "stranger@example.com", "X-Auth-Key", stranger}));
        server.asOperator("POST", "/users").json("{\"email\": \"member@example.com\"}").send();
        clock.advance(Duration.ofHours(2));  // the expired token is past its expiry from here on
        return all;
    }

    private static String[] bearer(String value) {
        return new String[] {"Authorization", "Bearer " + value};
    }

    private static String tokenWith(TestServer server, String account, String field) {
        return server.asOperator("POST", "/accounts/" + account + "/tokens").json("{\"name\": \"t\", " + field
                + ", \"policies\": [{\"effect\": \"allow\", \"permission_groups\": [{\"id\": \"" + BILLING_READ.id()
                + "\"}], \"resources\": {\"com.cloudflare.api.account." + account + "\": \"*\"}}]}").send()
                .result().get("value").asText();
    }

    private static Credential policyToken(TestServer server, String account, String label, Set<PermissionGroup> may,
                                          Object... effectsAndGroups) {
        StringBuilder policies = new StringBuilder("[");
        for (int i = 0; i < effectsAndGroups.length; i += 2) {
            policies.append(i == 0 ? "" : ",").append("{\"effect\": \"").append(effectsAndGroups[i])
                    .append("\", \"permission_groups\": [{\"id\": \"").append(((PermissionGroup) effectsAndGroups[i + 1]).id())
                    .append("\"}], \"resources\": {\"com.cloudflare.api.account.").append(account).append("\": \"*\"}}");
        }
        String value = server.asOperator("POST", "/accounts/" + account + "/tokens")
                .json("{\"name\": \"policy\", \"policies\": " + policies + "]}").send().result().get("value").asText();
        return new Credential("token " + label, Kind.TOKEN, may, bearer(value));
    }

    private static Credential user(TestServer server, String account, String email, Set<PermissionGroup> groups) {
        String key = server.asOperator("POST", "/users").json("{\"email\": \"" + email + "\"}").send()
                .result().get("api_key").asText();
        PermissionGroup granted = groups.contains(BILLING_WRITE) ? BILLING_WRITE : BILLING_READ;
        server.asOperator("POST", "/accounts/" + account + "/members").json("{\"email\": \"" + email
                + "\", \"permission_groups\": [{\"id\": \"" + granted.id() + "\"}]}").send();
        return new Credential("global key of a " + granted.displayName() + " member", Kind.USER, groups,
                new String[] {"X-Auth-Email", email, "X-Auth-Key", key});
    }
}
