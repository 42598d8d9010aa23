package dev.paygo.catalog;

import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rate plans: the catalog's priced metrics of a product family, as {@code billing.ratePlans.get} reads them. */
class RatePlanIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-20T12:00:00Z");
    private static TestServer server;
    private static String token;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
        String account = server.createAccount("Rate plans");
        token = server.createToken(account, USAGE_WRITE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply get(String path) {
        return server.http().call("GET", path).bearer(token).send();
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        get("/billing/rate_plans").result().forEach(p -> keys.add(p.get("public_key").asText()));
        return keys;
    }

    @Test
    void planOfAFamilyListsItsMetricsWithThePricesInForce() {
        Reply reply = get("/billing/rate_plans/workers");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode plan = reply.result();
        assertThat(plan.get("id").asText()).isEqualTo("WORKERS");
        assertThat(plan.get("public_name").asText()).isEqualTo("Workers");
        assertThat(plan.get("currency").asText()).isEqualTo("USD");
        List<String> metrics = new ArrayList<>();
        plan.get("components").forEach(c -> metrics.add(c.get("metric").asText()));
        assertThat(metrics).containsExactly("workers.cpu_ms", "workers.requests");
        JsonNode requests = plan.get("components").get(1);
        assertThat(requests.get("name").asText()).isEqualTo("Workers Standard Requests");
        assertThat(requests.get("pricing_unit").asText()).isEqualTo("request");
        assertThat(requests.get("included").asLong()).isEqualTo(10_000_000);
        assertThat(requests.get("included_scope").asText()).isEqualTo("billing_period");
        assertThat(requests.get("block_size").asLong()).isEqualTo(1_000_000);
        assertThat(requests.get("tiers")).hasSize(1);
        assertThat(requests.get("tiers").get(0).get("price").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(requests.get("tiers").get(0).has("up_to")).isFalse();

        assertThat(get("/billing/rate_plans/WORKERS_KV").result().get("id").asText()).as("any letter case")
                .isEqualTo("WORKERS_KV");
    }

    @Test
    void keysFollowTheCatalogOfTheDay() {
        assertThat(keys()).contains("workers", "workers_kv", "r2", "d1", "durable_objects", "workers_logs")
                .doesNotContain("observability");
        CLOCK.set(java.time.Instant.parse("2026-12-01T00:00:00Z"));
        try {
            assertThat(keys()).as("Workers Logs is retired and Observability priced from 2026-12-01")
                    .contains("observability").doesNotContain("workers_logs");
            assertThat(get("/billing/rate_plans/workers_logs").status()).isEqualTo(404);
        } finally {
            CLOCK.set(java.time.Instant.parse("2026-11-20T12:00:00Z"));
        }
    }

    @Test
    void anyValidCredentialReadsThemAndBadRequestsAreRefused() {
        Reply none = server.http().call("GET", "/billing/rate_plans/workers").send();
        assertThat(none.status()).as("no credential, as Cloudflare answers it").isEqualTo(400);
        assertThat(none.errorCode()).isEqualTo(9106);
        Reply unknownToken = server.http().call("GET", "/billing/rate_plans/workers").bearer("not-a-token").send();
        assertThat(unknownToken.status()).isEqualTo(403);
        assertThat(unknownToken.errorCode()).isEqualTo(9109);
        assertThat(server.asOperator("GET", "/billing/rate_plans/workers").send().status()).isEqualTo(200);
        Reply unknown = get("/billing/rate_plans/teams_free");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("success").asBoolean()).isFalse();
        Reply currency = get("/billing/rate_plans/workers?currency=EUR");
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.json().at("/errors/0/message").asText()).contains("query parameter 'currency'")
                .contains("USD");
    }
}
