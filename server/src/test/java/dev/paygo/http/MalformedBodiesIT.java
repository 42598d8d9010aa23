package dev.paygo.http;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every field of every write endpoint, given every wrong kind of JSON value: the answer is a 4xx envelope,
 * never a 500, and nothing stored changes.
 */
class MalformedBodiesIT {
    // Big decimals keep 1e400 a number on its way out (a double would turn it into the string "Infinity").
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> ODD_VALUES = List.of("null", "0", "-1", "1e400", "3.5", "true", "[]",
            "[1, \"a\"]", "{}", "{\"a\": {\"b\": [null]}}", "\"\"", "\"   \"", "\"\\u0000\"", "\"a\\nb\"", "\"\\ud83d\\ude00\"",
            "\"" + "x".repeat(3000) + "\"", "\"2025-13-45T99:99:99Z\"", "\"<script>\"", "123456789012345678901234567890");

    private static TestServer server;
    private static String account;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        account = server.createAccount("Fuzz");
        server.asOperator("POST", "/users").json("{\"email\": \"fuzz@example.com\"}").send();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Endpoint(String method, String path, String validBody) {
    }

    private List<Endpoint> endpoints() {
        String tokenBody = """
                {"name": "t", "not_before": "2025-01-01T00:00:00Z", "expires_on": "2099-01-01T00:00:00Z",
                 "policies": [{"effect": "allow", "permission_groups": [{"id": "%s"}],
                 "resources": {"com.cloudflare.api.account.%s": "*"}}]}""".formatted(BILLING_READ.id(), account);
        String profileBody = """
                {"first_name": "A", "country": "US", "primary_email": "a@example.com", "is_partner": false,
                 "telephone": "+1 555 0100", "zipcode": "94107", "vat": "X1", "account_type": "business",
                 "card_number": "4242424242424242", "card_expiry_month": 1, "card_expiry_year": 2099,
                 "payment_nonce": "n", "device_data": "d", "validation_code": "v"}""";
        return List.of(
                new Endpoint("POST", "/accounts",
                        "{\"name\": \"n\", \"billing_currency\": \"USD\", \"billing_cycle_anchor\": \"2025-01-01T00:00:00Z\"}"),
                new Endpoint("POST", "/accounts/" + account + "/tokens", tokenBody),
                new Endpoint("PUT", "/accounts/" + account + "/billing/profile", profileBody),
                new Endpoint("PATCH", "/accounts/" + account + "/billing/profile", profileBody),
                new Endpoint("POST", "/users", "{\"email\": \"new@example.com\"}"),
                new Endpoint("POST", "/accounts/" + account + "/members",
                        "{\"email\": \"fuzz@example.com\", \"permission_groups\": [{\"id\": \"" + BILLING_READ.id() + "\"}]}"));
    }

    private String state() {
        return server.asOperator("GET", "/accounts?per_page=100").send().raw().body()
                + server.asOperator("GET", "/accounts/" + account + "/billing/profile").send().raw().body()
                + server.asOperator("GET", "/accounts/" + account + "/tokens?per_page=100").send().raw().body()
                + server.asOperator("GET", "/accounts/" + account + "/members").send().raw().body();
    }

    @Test
    void everyOddValueInEveryFieldIsAnsweredWithoutA500AndARefusalChangesNothing() throws Exception {
        String state = state();
        int refused = 0;
        for (Endpoint endpoint : endpoints()) {
            ObjectNode valid = (ObjectNode) MAPPER.readTree(endpoint.validBody());
            List<String> fields = new java.util.ArrayList<>();
            valid.fieldNames().forEachRemaining(fields::add);
            fields.add("unknown_field");
            for (String field : fields) {
                for (String odd : ODD_VALUES) {
                    ObjectNode body = valid.deepCopy();
                    body.set(field, MAPPER.readTree(odd));
                    Reply reply = server.asOperator(endpoint.method(), endpoint.path()).json(body.toString()).send();
                    String what = endpoint.method() + " " + endpoint.path() + " " + field + "=" + odd + " -> " + reply;
                    assertThat(reply.status()).as(what).isLessThan(500);
                    assertThat(reply.header("Content-Type")).as(what).startsWith("application/json");
                    if (reply.status() >= 400) {
                        refused++;
                        assertThat(reply.json().get("success").asBoolean()).isFalse();
                        assertThat(state()).as("state after " + what).isEqualTo(state);
                    } else {
                        state = state();
                    }
                }
            }
        }
        assertThat(refused).isGreaterThan(300);
    }

    @Test
    void loneSurrogateEscapeInAStringIsRefused() {
        Reply reply = server.asOperator("POST", "/accounts").json("{\"name\": \"a\\ud800b\"}").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().at("/errors/0/source/pointer").asText()).isEqualTo("/name");
    }

    @Test
    void wrongShapesOfTheWholeBodyGet400() {
        for (Endpoint endpoint : endpoints()) {
            for (String body : List.of("", "null", "[]", "42", "\"s\"", "{", "{\"a\":1,}", "{'a': 1}", "{\"a\": NaN}",
                    "{\"a\": 1} trailing", "\u0000")) {
                Reply reply = server.asOperator(endpoint.method(), endpoint.path()).json(body).send();
                assertThat(reply.status()).as(endpoint.path() + " " + body + " -> " + reply).isEqualTo(400);
                assertThat(reply.errorCode()).isEqualTo(1183);
            }
        }
    }
}
