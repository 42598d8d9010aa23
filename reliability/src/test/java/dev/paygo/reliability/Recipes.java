package dev.paygo.reliability;

import dev.paygo.auth.PermissionGroup;
import dev.paygo.routing.Route;
import java.util.Map;
import java.util.Optional;

/**
 * A valid request body for every route of the route table that takes one, written for a given account: the
 * fuzzer mutates it and the authorization matrix sends it as it is. A route that takes a body and has no recipe
 * here fails both tests, so a new route cannot go untested.
 */
final class Recipes {
    /** Stands for a setup intent's client secret in a recipe; a test that needs a valid one puts it in. */
    static final String SETUP_SECRET = "SETUP_SECRET";
    /** A fee the default catalog lists. */
    static final String FEE_ID = "workers_paid.subscription";
    /** A rate plan (product family) of the default catalog. */
    static final String RATE_PLAN = "workers";
    /** Where the tests' webhooks point: a loopback port nothing answers on (the servers allow private URLs). */
    static final String WEBHOOK_URL = "http://127.0.0.1:9/";
    /** A zone the zone routes name. */
    static final String ZONE_ID = "2f1e0d9c8b7a69584736251403f2e1d0";

    private Recipes() {
    }

    /** The body for {@code route} (with its content type), or empty for a route without a body. */
    static Optional<Body> bodyFor(Route route, String accountId, String unique) {
        String key = route.method() + " " + route.path().replace("/client/v4", "");
        if (route.method().equals("GET") || route.method().equals("DELETE")) {
            return Optional.empty();
        }
        String body = switch (key) {
            case "POST /accounts" -> "{\"name\": \"Fuzzed " + unique + "\", \"billing_currency\": \"USD\", "
                    + "\"billing_cycle_anchor\": \"2025-01-15T00:00:00Z\"}";
            case "PUT /accounts/{account_id}/billing/profile", "PATCH /accounts/{account_id}/billing/profile" ->
                    "{\"first_name\": \"Ada\", \"company\": \"Acme\", \"country\": \"GB\", \"primary_email\": "
                            + "\"ada@example.com\", \"telephone\": \"+44 20 7946 0000\", \"zipcode\": \"N1 9GU\", "
                            + "\"card_number\": \"4242 4242 4242 4242\", \"card_expiry_month\": 12, "
                            + "\"card_expiry_year\": 2099, \"is_partner\": false}";
            case "POST /accounts/{account_id}/tokens" -> "{\"name\": \"t-" + unique + "\", \"expires_on\": "
                    + "\"2099-01-01T00:00:00Z\", \"policies\": [{\"effect\": \"allow\", \"permission_groups\": "
                    + "[{\"id\": \"" + PermissionGroup.BILLING_WRITE.id() + "\"}], \"resources\": "
                    + "{\"com.cloudflare.api.account." + accountId + "\": \"*\"}}]}";
            case "POST /accounts/{account_id}/usage/events" -> "[{\"id\": \"e-" + unique + "\", \"metric\": "
                    + "\"workers.requests\", \"quantity\": 1500, \"timestamp\": \"2025-03-05T10:00:00Z\"}, "
                    + "{\"id\": \"f-" + unique + "\", \"metric\": \"r2.standard.storage\", \"quantity\": \"0.25\", "
                    + "\"timestamp\": \"2025-03-05T11:00:00Z\", \"zone_id\": null}]";
            case "POST /usage/events" -> "[{\"id\": \"g-" + unique + "\", \"account_id\": \"" + accountId
                    + "\", \"metric\": \"kv.keys_read\", \"quantity\": 20000, \"timestamp\": \"2025-03-05T10:00:00Z\"}]";
            case "POST /users" -> "{\"email\": \"user-" + unique + "@example.com\"}";
            case "POST /accounts/{account_id}/billing/profile" -> "{\"first_name\": \"Ada\", \"billing_email\": "
                    + "\"ada@example.com\", \"preferred_locale\": \"en-GB\", \"cf_turnstile_response\": \"x\"}";
            // The answer to a body-less POST does not depend on its body: an empty object stands for none.
            case "POST /accounts/{account_id}/billing/profile/payment-method", "POST /billing/runs",
                 "POST /accounts/{account_id}/invoices/{invoice_id}/void",
                 "POST /accounts/{account_id}/credits/{credit_id}/expire" -> "{}";
            // Far above what any test sends, so no alert fires in the background while a test compares state.
            case "POST /accounts/{account_id}/billing/alerts" -> "{\"amount\": \"1000000.00\"}";
            case "POST /accounts/{account_id}/credits" -> "{\"amount\": \"5.00\", \"valid_to\": \"2099-01-01T00:00:00Z\", "
                    + "\"description\": \"credit " + unique + "\"}";
            case "POST /accounts/{account_id}/billing/profile/payment-method/confirm" -> "{\"client_secret\": \""
                    + SETUP_SECRET + "\", \"card_number\": \"4242 4242 4242 4242\", \"card_expiry_month\": 12, "
                    + "\"card_expiry_year\": 2099}";
            case "POST /accounts/{account_id}/invoices/{invoice_id}/payments" -> "{\"amount\": \"0.01\", "
                    + "\"reference\": \"wire " + unique + "\"}";
            case "PUT /accounts/{account_id}/subscription-fees/{fee_id}" -> "{}";
            // Loopback port 9 (discard) answers nothing: deliveries fail at once and stay on this machine.
            case "POST /webhooks" -> "{\"url\": \"" + WEBHOOK_URL + unique + "\", \"enabled_events\": "
                    + "[\"credit.expired\"], \"description\": \"fuzzed " + unique + "\"}";
            case "POST /webhooks/{webhook_id}/deliveries/{delivery_id}/retry" -> "{}";
            case "POST /accounts/{account_id}/members" -> "{\"email\": \"member@example.com\", \"permission_groups\": "
                    + "[{\"id\": \"" + PermissionGroup.BILLING_READ.id() + "\"}]}";
            case "PUT /accounts/{account_id}/zones/{zone_id}" -> "{\"name\": \"zone-" + unique + ".example.com\"}";
            case "POST /organizations" -> "{\"name\": \"Org " + unique + "\"}";
            case "POST /organizations/{organization_id}/tokens" -> "{\"name\": \"o-" + unique + "\", \"policies\": "
                    + "[{\"effect\": \"allow\", \"permission_groups\": [{\"id\": \"" + PermissionGroup.BILLING_READ.id()
                    + "\"}], \"resources\": {\"com.cloudflare.api.organization.ORGANIZATION_ID\": \"*\"}}]}";
            case "PUT /organizations/{organization_id}/accounts/{account_id}" -> "{}";
            default -> throw new AssertionError("no request recipe for " + key + ": add one to Recipes so the "
                    + "fuzzer and the authorization matrix cover it");
        };
        return Optional.of(new Body(body, "application/json"));
    }

    /** A request body and its content type. */
    record Body(String json, String contentType) {
    }

    /** Query parameters a GET route is tried with (valid ones), by route. */
    static Map<String, String> queryFor(Route route) {
        String path = route.path();
        if (path.endsWith("/billing/usage/paygo") || path.endsWith("/paygo-usage") || path.endsWith("/billable-usage")) {
            return Map.of("from", "2025-03-01", "to", "2025-03-05");
        }
        if (path.endsWith("/billable/usage")) {
            return Map.of("from", "2025-02-01", "to", "2025-03-03", "group_by", "zone");
        }
        if (path.endsWith("/billable/usage/export")) {
            return Map.of("format", "csv", "from", "2025-01-01", "to", "2025-03-05");
        }
        return Map.of();
    }
}
