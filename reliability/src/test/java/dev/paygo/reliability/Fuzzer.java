package dev.paygo.reliability;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;

import dev.paygo.routing.Route;
import dev.paygo.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Generates hostile requests from the route table, mostly near-valid (a route's valid request with one mutation)
 * so they reach the deepest checks: odd methods, path parameters, paths, queries, credentials, headers, content
 * types and bodies. Deterministic for a given {@link Random}.
 */
final class Fuzzer {
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
        "PROPFIND", "get"};
    private static final String[] ODD_IDS = {"x", "%00", "..%2F..", "0123456789ABCDEF0123456789ABCDEF",
        "0123456789abcdef0123456789abcdef0", "%C3%A9", "%ff%fe", "a".repeat(3000), "%2e%2e", "%25", "null",
        "0123456789abcdef0123456789abcde%20", "%E2%80%AE"};
    private static final String[] ODD_VALUES = {"null", "true", "0", "-1", "1e400", "1E+999999999",
        "123456789012345678901234567890", "\"\"", "\"   \"", "\"\\u0000\"", "\"\\ud800\"", "\"２\"", "[]", "{}",
        "[[[[[[[]]]]]]]", "\"2025-13-45T99:99:99Z\"", "\"+999999999-12-31T00:00:00Z\"", "\"NaN\"",
        "-0.0", "0.1e-99999", "\"" + "x".repeat(5000) + "\"", "\"<script>alert(1)</script>\"",
        "\"%00\"", "{\"$ne\": 1}", "\"\\uFEFF\""};
    private static final String[] CONTENT_TYPES = {"application/json", "application/x-ndjson",
        "application/cloudevents+json", "application/cloudevents-batch+json", "text/plain", "",
        "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/xml",
        "application/json;;;", "\u00e9/\u00e9"};

    private final TestServer server;
    private final Random random;
    private final List<Route> routes;
    private final String own;
    private final String other;
    private final List<String> credentials = new ArrayList<>();
    private final List<String> victimTokens = new ArrayList<>();
    private final String memberUserId;
    private final List<String> invoices = new ArrayList<>();
    private final List<String> grants = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    private final String webhookId;
    private final String deliveryId;
    private final String organizationId;
    private int unique;

    Fuzzer(TestServer server, Random random) {
        this.server = server;
        this.random = random;
        this.routes = server.server().routes();
        this.own = server.createAccount("Fuzz own", "2025-03-01T00:00:00Z");
        this.other = server.createAccount("Fuzz other", "2025-03-01T00:00:00Z");
        credentials.add("Bearer " + TestServer.OPERATOR_TOKEN);
        credentials.add("Bearer " + server.createToken(own, BILLING_READ));
        credentials.add("Bearer " + server.createToken(own, BILLING_WRITE));
        credentials.add("Bearer " + server.createToken(own, USAGE_WRITE));
        credentials.add("Bearer " + server.createToken(own, BILLING_READ, BILLING_WRITE, USAGE_WRITE));
        String user = server.asOperator("POST", "/users").json("{\"email\": \"member@example.com\"}").send()
                .result().get("id").asText();
        this.memberUserId = user;
        for (int i = 0; i < 50; i++) {
            victimTokens.add(server.createTokenReply(own, BILLING_READ).get("id").asText());
        }
        // February's usage on both accounts, invoiced: the invoice routes get real invoices to work on.
        for (String account : List.of(own, other)) {
            server.http().call("POST", "/accounts/" + account + "/usage/events")
                    .bearer(server.createToken(account, USAGE_WRITE)).json("[{\"id\": \"feb\", \"metric\": "
                            + "\"workers.requests\", \"quantity\": 30000000, \"timestamp\": \"2025-02-10T10:00:00Z\"}]")
                    .send();
        }
        server.asOperator("POST", "/billing/runs").send();
        for (String account : List.of(own, other)) {
            server.asOperator("GET", "/accounts/" + account + "/invoices").send().result()
                    .forEach(invoice -> invoices.add(invoice.get("id").asText()));
            for (int i = 0; i < 3; i++) {
                alerts.add(server.asOperator("POST", "/accounts/" + account + "/billing/alerts")
                        .json("{\"amount\": \"100000" + i + "\"}").send().result().get("id").asText());
                grants.add(server.asOperator("POST", "/accounts/" + account + "/credits").json("{\"amount\": "
                        + "\"2.00\", \"valid_to\": \"2099-01-01T00:00:00Z\", \"description\": \"fuzz " + i + "\"}")
                        .send().result().get("id").asText());
            }
        }
        // A webhook endpoint with a delivery (of a grant expired for it) for the webhook routes.
        this.webhookId = server.asOperator("POST", "/webhooks").json("{\"url\": \"" + Recipes.WEBHOOK_URL
                + "fuzz\", \"enabled_events\": [\"credit.expired\"]}").send().result().get("id").asText();
        String expiring = server.asOperator("POST", "/accounts/" + own + "/credits").json("{\"amount\": \"1.00\", "
                + "\"valid_to\": \"2099-01-01T00:00:00Z\", \"description\": \"to expire\"}").send().result()
                .get("id").asText();
        server.asOperator("POST", "/accounts/" + own + "/credits/" + expiring + "/expire").send();
        this.deliveryId = server.asOperator("GET", "/webhooks/" + webhookId + "/deliveries").send().result().get(0)
                .get("id").asText();
        // An organization holding the own account, for the organization routes.
        this.organizationId = server.asOperator("POST", "/organizations").json("{\"name\": \"Fuzz org\"}").send()
                .result().get("id").asText();
        server.asOperator("PUT", "/organizations/" + organizationId + "/accounts/" + own).send();
    }

    /** One request and how to describe it when it fails. */
    record Request(String method, String path, byte[] bytes, boolean oversized, String summary) {
        String describe() {
            return summary;
        }
    }

    Request next() {
        unique++;
        Route route = routes.get(random.nextInt(routes.size()));
        String method = random.nextInt(5) == 0 ? METHODS[random.nextInt(METHODS.length)] : route.method();
        String path = path(route);
        String query = query(route);
        List<String> headers = new ArrayList<>();
        headers.add("Host: paygo");
        credential(headers);
        Optional<Recipes.Body> recipe = Recipes.bodyFor(route, random.nextBoolean() ? own : other,
                "fz" + unique);
        byte[] body = new byte[0];
        String contentType = recipe.map(Recipes.Body::contentType).orElse(null);
        String mutation = "none";
        if (recipe.isPresent() || random.nextInt(6) == 0) {
            String base = recipe.map(Recipes.Body::json).orElse("{\"a\": 1}").replace("ORGANIZATION_ID",
                    organizationId);
            mutation = MUTATIONS[random.nextInt(MUTATIONS.length)];
            body = mutate(base, mutation);
            if (random.nextInt(6) == 0) {
                contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            }
        }
        if (contentType != null) {
            headers.add("Content-Type: " + contentType);
        }
        oddHeaders(headers);
        boolean oversized = body.length > 64 * 1024;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + path + query + " HTTP/1.1\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (random.nextInt(20) != 0 || body.length == 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        } else {
            head.append("Transfer-Encoding: chunked\r\n");
            body = chunked(body);
        }
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        String summary = method + " " + abbreviate(path + query) + " [" + route.method() + " " + route.path()
                + "] mutation=" + mutation + " headers=" + abbreviate(String.join(" | ", headers.subList(1, headers.size())))
                + " body=" + abbreviate(new String(body, StandardCharsets.UTF_8));
        return new Request(method, path, out.toByteArray(), oversized, summary);
    }

    private static final String[] MUTATIONS = {"none", "none", "truncate", "value", "value", "value", "unknown-key",
        "duplicate-key", "deep", "invalid-utf8", "bom", "utf16", "random-bytes", "empty", "scalar", "array",
        "huge-number", "oversize", "ndjson-junk", "nul"};

    private byte[] mutate(String base, String mutation) {
        return switch (mutation) {
            case "truncate" -> base.substring(0, random.nextInt(base.length())).getBytes(StandardCharsets.UTF_8);
            case "value" -> replaceAValue(base).getBytes(StandardCharsets.UTF_8);
            case "unknown-key" -> base.replaceFirst("\\{", "{\"zz_unknown\": 1, ").getBytes(StandardCharsets.UTF_8);
            case "duplicate-key" -> base.replaceFirst("\\{\"([a-z_]+)\": ", "{\"$1\": 1, \"$1\": ")
                    .getBytes(StandardCharsets.UTF_8);
            case "deep" -> ("[".repeat(2000) + "]".repeat(2000)).getBytes(StandardCharsets.UTF_8);
            case "invalid-utf8" -> splice(base.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xc0});
            case "bom" -> splice(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, base.getBytes(StandardCharsets.UTF_8), 0);
            case "utf16" -> base.getBytes(StandardCharsets.UTF_16);
            case "random-bytes" -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case "empty" -> new byte[0];
            case "scalar" -> "\"just a string\"".getBytes(StandardCharsets.UTF_8);
            case "array" -> "[1, \"a\", null, {}]".getBytes(StandardCharsets.UTF_8);
            case "huge-number" -> ("{\"quantity\": " + "9".repeat(63) + "}").getBytes(StandardCharsets.UTF_8);
            case "oversize" -> ("{\"name\": \"" + "o".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            case "ndjson-junk" -> (base + "\n{\"id\": \n\u0000\n[]\n").getBytes(StandardCharsets.UTF_8);
            case "nul" -> base.replace(":", ":\u0000").getBytes(StandardCharsets.UTF_8);
            default -> base.getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Replaces one JSON value (after a colon, or an array element) with a hostile one. */
    private String replaceAValue(String json) {
        List<Integer> colons = new ArrayList<>();
        for (int i = 0; i < json.length(); i++) {
            if (json.charAt(i) == ':') {
                colons.add(i);
            }
        }
        if (colons.isEmpty()) {
            return json;
        }
        int at = colons.get(random.nextInt(colons.size())) + 1;
        int end = at;
        int depth = 0;
        boolean inString = false;
        while (end < json.length()) {
            char c = json.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
            end++;
        }
        return json.substring(0, at) + " " + ODD_VALUES[random.nextInt(ODD_VALUES.length)] + json.substring(end);
    }

    private byte[] splice(byte[] a, byte[] b) {
        return splice(a, b, random.nextInt(a.length + 1));
    }

    private static byte[] splice(byte[] into, byte[] bytes, int at) {
        byte[] out = new byte[into.length + bytes.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(into, at, out, at + bytes.length, into.length - at);
        return out;
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private String path(Route route) {
        String path = route.path();
        if (path.contains("{account_id}")) {
            int pick = random.nextInt(10);
            String id = pick < 6 ? own : pick < 8 ? other : ODD_IDS[random.nextInt(ODD_IDS.length)];
            path = path.replace("{account_id}", id);
        }
        if (path.contains("{token_id}")) {
            path = path.replace("{token_id}", random.nextBoolean()
                    ? victimTokens.get(random.nextInt(victimTokens.size())) : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        if (path.contains("{user_id}")) {
            path = path.replace("{user_id}", random.nextBoolean() ? memberUserId : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        if (path.contains("{invoice_id}")) {
            path = path.replace("{invoice_id}", random.nextBoolean() ? invoices.get(random.nextInt(invoices.size()))
                    : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        if (path.contains("{alert_id}")) {
            path = path.replace("{alert_id}", random.nextBoolean() ? alerts.get(random.nextInt(alerts.size()))
                    : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        if (path.contains("{credit_id}")) {
            path = path.replace("{credit_id}", random.nextBoolean() ? grants.get(random.nextInt(grants.size()))
                    : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        if (path.contains("{webhook_id}")) {
            path = path.replace("{webhook_id}", random.nextBoolean() ? webhookId : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        if (path.contains("{delivery_id}")) {
            path = path.replace("{delivery_id}", random.nextBoolean() ? deliveryId
                    : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        if (path.contains("{public_key}")) {
            path = path.replace("{public_key}", random.nextBoolean() ? Recipes.RATE_PLAN
                    : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        if (path.contains("{organization_id}")) {
            path = path.replace("{organization_id}", random.nextBoolean() ? organizationId
                    : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        if (path.contains("{zone_id}")) {
            path = path.replace("{zone_id}", random.nextBoolean() ? Recipes.ZONE_ID
                    : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        if (path.contains("{fee_id}")) {
            path = path.replace("{fee_id}", random.nextBoolean() ? Recipes.FEE_ID : ODD_IDS[random.nextInt(ODD_IDS.length)]);
        }
        switch (random.nextInt(12)) {
            case 0 -> path = path + "/";
            case 1 -> path = path.replace("/client/v4/", "/client//v4//");
            case 2 -> path = path.toUpperCase(java.util.Locale.ROOT);
            case 3 -> path = path + "/../../healthz";
            case 4 -> path = path.replace("accounts", "acc%6Funts");
            case 5 -> path = path + "%00";
            case 6 -> path = "/client/v4/no/such/" + ODD_IDS[random.nextInt(ODD_IDS.length)];
            default -> {
                // as declared
            }
        }
        return path;
    }

    private String query(Route route) {
        StringBuilder query = new StringBuilder();
        Recipes.queryFor(route).forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&").append(k).append('=')
                .append(random.nextInt(4) == 0 ? ODD_QUERY[random.nextInt(ODD_QUERY.length)] : v));
        if (random.nextInt(5) == 0) {
            String[] names = {"from", "to", "last_year_period_start", "last_month_period_start", "page", "per_page",
                "metric", "%00", "a[]", "from"};
            query.append(query.length() == 0 ? "?" : "&").append(names[random.nextInt(names.length)]).append('=')
                    .append(ODD_QUERY[random.nextInt(ODD_QUERY.length)]);
        }
        return query.toString();
    }

    private static final String[] ODD_QUERY = {"", "-1", "0", "99999999999999999999", "2025-02-30", "%2B999999999-12-31",
        "2025-1-1", "%00", "%ff", "abc", "1e9", "2025-03-01T00:00:00Z", "%E2%80%AE2025-03-01", "x".repeat(2000),
        "2024-01-01", "2026-12-01", "%20"};

    private void credential(List<String> headers) {
        switch (random.nextInt(14)) {
            case 0 -> { }
            case 1 -> headers.add("Authorization: Bearer ");
            case 2 -> headers.add("Authorization: Basic dXNlcjpwYXNz");
            case 3 -> headers.add("Authorization: Bearer " + "z".repeat(4000));
            case 4 -> headers.add("Authorization: Bearer \u00e9\u00e9\u00e9");
            case 5 -> headers.add("X-Auth-Email: member@example.com\r\nX-Auth-Key: " + "f".repeat(37));
            case 6 -> headers.add("X-Auth-Email: \u0000@x\r\nX-Auth-Key: zz");
            case 7 -> headers.add("Authorization: bearer " + TestServer.OPERATOR_TOKEN.toUpperCase(java.util.Locale.ROOT));
            default -> headers.add("Authorization: " + credentials.get(random.nextInt(credentials.size())));
        }
    }

    private void oddHeaders(List<String> headers) {
        switch (random.nextInt(12)) {
            case 0 -> headers.add("Idempotency-Key: " + (random.nextBoolean() ? "k" + random.nextInt(20) : "\u00e9 bad key"));
            case 1 -> headers.add("Accept-Encoding: gzip;q=" + ODD_QUERY[random.nextInt(ODD_QUERY.length)]);
            case 2 -> headers.add("X-Request-Id: " + "r".repeat(random.nextInt(400)));
            case 3 -> headers.add("X-HTTP-Method-Override: DELETE");
            case 4 -> headers.add("Accept: text/html");
            case 5 -> headers.add("X-Big: " + "b".repeat(9000));
            case 6 -> headers.add("Expect: 100-continue");
            default -> { }
        }
    }

    private static String abbreviate(String text) {
        String clean = text.replace("\r", "\\r").replace("\n", "\\n");
        return clean.length() > 300 ? clean.substring(0, 300) + "..." : clean;
    }
}
