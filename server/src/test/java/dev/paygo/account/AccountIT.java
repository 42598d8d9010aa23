package dev.paygo.account;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opening, listing and reading accounts as the operator. */
class AccountIT {
    private static final MutableClock CLOCK = MutableClock.at("2025-03-04T05:06:07.890Z");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void accountDefaultsToUsdAndAnAnchorAtItsCreation() {
        Reply reply = server.asOperator("POST", "/accounts").json("{\"name\": \"  Acme Corp  \"}").send();
        assertThat(reply.status()).isEqualTo(201);
        JsonNode account = reply.result();
        assertThat(account.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(account.get("name").asText()).isEqualTo("Acme Corp");
        assertThat(account.get("billing_currency").asText()).isEqualTo("USD");
        assertThat(account.get("billing_cycle_anchor").asText()).isEqualTo("2025-03-04T05:06:07Z");
        assertThat(account.get("created_on").asText()).isEqualTo("2025-03-04T05:06:07.890Z");
    }

    @Test
    void accountTakesItsCurrencyAndAnchor() {
        Reply reply = server.asOperator("POST", "/accounts").json(
                "{\"name\": \"Anchored\", \"billing_currency\": \"USD\", \"billing_cycle_anchor\": \"2025-01-31T00:00:00+01:00\"}")
                .send();
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.result().get("billing_currency").asText()).isEqualTo("USD");
        assertThat(reply.result().get("billing_cycle_anchor").asText()).isEqualTo("2025-01-30T23:00:00Z");
        String id = reply.result().get("id").asText();
        assertThat(server.asOperator("GET", "/accounts/" + id).send().result()).isEqualTo(reply.result());
    }

    @Test
    void badAccountFieldsAreAllReported() {
        Reply reply = server.asOperator("POST", "/accounts").json(
                "{\"name\": \"\", \"billing_currency\": \"ABC\", \"billing_cycle_anchor\": \"yesterday\", \"plan\": 1}")
                .send();
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/name", "/billing_currency", "/billing_cycle_anchor", "/plan");
    }

    @Test
    void aCurrencyTheCatalogDoesNotPriceInIsRefusedByName() {
        long before = server.asOperator("GET", "/accounts").send().json().at("/result_info/total_count").asLong();
        Reply reply = server.asOperator("POST", "/accounts").json("{\"name\": \"Yen\", \"billing_currency\": \"JPY\"}")
                .send();
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/errors/0/source/pointer").asText()).isEqualTo("/billing_currency");
        assertThat(reply.json().at("/errors/0/message").asText())
                .contains("must be a currency the price catalog prices in (USD), not JPY");
        assertThat(server.asOperator("GET", "/accounts").send().json().at("/result_info/total_count").asLong())
                .isEqualTo(before);
    }

    @Test
    void listIsPaginatedWithResultInfo() {
        try (TestServer fresh = TestServer.start()) {
            for (int i = 0; i < 3; i++) {
                fresh.createAccount("Account " + i);
            }
            Reply first = fresh.asOperator("GET", "/accounts?page=1&per_page=2").send();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.result().size()).isEqualTo(2);
            JsonNode info = first.json().get("result_info");
            assertThat(info.get("page").asInt()).isEqualTo(1);
            assertThat(info.get("per_page").asInt()).isEqualTo(2);
            assertThat(info.get("count").asInt()).isEqualTo(2);
            assertThat(info.get("total_count").asInt()).isEqualTo(3);
            assertThat(info.get("total_pages").asInt()).isEqualTo(2);

            Reply second = fresh.asOperator("GET", "/accounts?page=2&per_page=2").send();
            assertThat(second.result().size()).isEqualTo(1);
            assertThat(second.result().get(0).get("name").asText()).isEqualTo("Account 2");
        }
    }

    @Test
    void billingReadTokenReadsItsOwnAccountOnly() {
        String own = server.createAccount("Own");
        String other = server.createAccount("Other");
        String token = server.createToken(own, BILLING_READ);
        assertThat(server.http().call("GET", "/accounts/" + own).bearer(token).send().status()).isEqualTo(200);
        assertThat(server.http().call("GET", "/accounts/" + other).bearer(token).send().status()).isEqualTo(403);
        assertThat(server.http().call("GET", "/accounts").bearer(token).send().status()).isEqualTo(403);
    }
}
