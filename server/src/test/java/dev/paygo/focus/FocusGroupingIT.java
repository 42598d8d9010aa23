package dev.paygo.focus;

import static dev.paygo.focus.FocusIT.dec;
import static dev.paygo.focus.FocusIT.v2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.BillingFixture;
import dev.paygo.testing.BillingFixture.Customer;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cost allocation: v2 records grouped by zone and by tag values add up exactly to the ungrouped records, column by
 * column, over random usage with random zones and tag sets; a group's consumption is exactly what was sent to it;
 * zones show their names. Runs on SQLite and on PostgreSQL.
 */
class FocusGroupingIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-10-10T12:00:00Z");
    private static final String ZONE_A = "a".repeat(32);
    private static final String ZONE_B = "b".repeat(32);
    private static final List<String> METRICS = List.of("workers.requests", "workers.cpu_ms", "r2.standard.class_a");
    private static final List<String> COLUMNS = List.of("ConsumedQuantity", "PricingQuantity", "BilledCost",
            "ContractedCost", "EffectiveCost", "ListCost");
    private static final List<String> GROUPINGS = List.of("group_by=zone", "group_by=tag:team",
            "group_by=tag:team&group_by=tag:env", "group_by=zone&group_by=tag:env&group_by=tag:absent",
            "group_by=tag:canary");

    private static TestServer server;
    private static BillingFixture billing;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
        billing = new BillingFixture(server, CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void groupedRecordsAddUpExactlyToTheUngroupedOnesOverRandomTagSets() {
        long seed = Long.getLong("paygo.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int trial = 0; trial < 6; trial++) {
            Customer customer = billing.customer("Allocation " + trial);
            Map<String, BigDecimal> sentPerZone = new HashMap<>();
            int events = 5 + random.nextInt(25);
            for (int i = 0; i < events; i++) {
                String metric = METRICS.get(random.nextInt(METRICS.size()));
                String day = "2026-10-0" + (2 + random.nextInt(7));
                String zone = switch (random.nextInt(3)) {
                    case 0 -> ZONE_A;
                    case 1 -> ZONE_B;
                    default -> null;
                };
                String quantity = random.nextInt(4) == 0 ? (random.nextInt(9000) + 1) + "." + random.nextInt(1000)
                        : Long.toString(1 + (long) (random.nextDouble() * 9_000_000));
                customer.send(metric, quantity, day + "T10:00:00Z", zone, tags(random));
                sentPerZone.merge(day + " " + metric + " " + zone, new BigDecimal(quantity), BigDecimal::add);
            }
            JsonNode ungrouped = v2(customer, "?from=2026-10-01&to=2026-10-10");
            for (String grouping : GROUPINGS) {
                JsonNode grouped = v2(customer, "?from=2026-10-01&to=2026-10-10&" + grouping);
                assertAddsUp(ungrouped, grouped, "seed " + seed + ", trial " + trial + ", " + grouping);
            }
            JsonNode byZone = v2(customer, "?from=2026-10-01&to=2026-10-10&group_by=zone");
            for (JsonNode r : byZone) {
                String zone = r.get("x_ZoneId").isNull() ? null : r.get("x_ZoneId").asText();
                String key = r.get("ChargePeriodStart").asText().substring(0, 10) + " "
                        + r.get("x_BillableMetricId").asText() + " " + zone;
                assertThat(dec(r, "ConsumedQuantity")).as("seed %d: %s", seed, key)
                        .isEqualByComparingTo(sentPerZone.get(key));
            }
        }
    }

    /** Random tags: a team, an environment, a key-only canary tag, each present or not. */
    private static String tags(Random random) {
        List<String> tags = new ArrayList<>();
        if (random.nextBoolean()) {
            tags.add("\"team\": \"" + List.of("search", "billing", "edge").get(random.nextInt(3)) + "\"");
        }
        if (random.nextBoolean()) {
            tags.add("\"env\": \"" + List.of("prod", "dev").get(random.nextInt(2)) + "\"");
        }
        if (random.nextInt(4) == 0) {
            tags.add("\"canary\": true");
        }
        return tags.isEmpty() && random.nextBoolean() ? null : "{" + String.join(", ", tags) + "}";
    }

    private static void assertAddsUp(JsonNode ungrouped, JsonNode grouped, String what) {
        Map<String, Map<String, BigDecimal>> sums = new HashMap<>();
        for (JsonNode r : grouped) {
            Map<String, BigDecimal> sum = sums.computeIfAbsent(key(r), k -> new HashMap<>());
            COLUMNS.forEach(c -> sum.merge(c, dec(r, c), BigDecimal::add));
            for (String column : List.of("BilledCost", "ContractedCost", "EffectiveCost", "ListCost")) {
                assertThat(dec(r, column).scale()).as("%s: costs keep 6 places", what).isLessThanOrEqualTo(6);
            }
        }
        assertThat(sums.keySet()).as(what).hasSize(ungrouped.size());
        for (JsonNode r : ungrouped) {
            Map<String, BigDecimal> sum = sums.get(key(r));
            assertThat(sum).as("%s: groups of %s", what, key(r)).isNotNull();
            for (String column : COLUMNS) {
                assertThat(sum.get(column)).as("%s: %s of %s", what, column, key(r))
                        .isEqualByComparingTo(dec(r, column));
            }
        }
    }

    private static String key(JsonNode r) {
        return r.get("ChargePeriodStart").asText() + " " + r.get("x_BillableMetricId").asText() + " "
                + r.get("ChargeClass").asText("") + " " + r.get("BillingPeriodStart").asText();
    }

    @Test
    void tagValuesThatLookLikeOtherTagSetsStayTheirOwnGroups() {
        Customer customer = billing.customer("Look-alike tags");
        customer.send("workers.requests", "1", "2026-10-02T10:00:00Z", null, "{\"env\": \"x, team=y\"}");
        customer.send("workers.requests", "2", "2026-10-02T11:00:00Z", null, "{\"env\": \"x\", \"team\": \"y\"}");
        JsonNode grouped = v2(customer, "?from=2026-10-02&to=2026-10-02&group_by=tag:env&group_by=tag:team");
        assertThat(grouped).hasSize(2);
        assertThat(grouped.get(0).get("Tags").toString()).isEqualTo("{\"env\":\"x\",\"team\":\"y\"}");
        assertThat(dec(grouped.get(0), "ConsumedQuantity")).isEqualByComparingTo("2");
        assertThat(grouped.get(1).get("Tags").toString()).isEqualTo("{\"env\":\"x, team=y\"}");
        assertThat(dec(grouped.get(1), "ConsumedQuantity")).isEqualByComparingTo("1");
    }

    @Test
    void zonesAndTagsShowAsCloudflareWritesThem() {
        Customer customer = billing.customer("Zones and tags");
        Reply named = customer.write("PUT", "/zones/" + ZONE_A, "{\"name\": \"shop.example.com\"}");
        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        assertThat(named.result().get("name").asText()).isEqualTo("shop.example.com");
        customer.send("workers.requests", "3", "2026-10-02T10:00:00Z", ZONE_A, "{\"team\": \"search\", \"canary\": true}");
        customer.send("workers.requests", "1", "2026-10-02T11:00:00Z", ZONE_B, null);
        customer.send("workers.requests", "2", "2026-10-02T12:00:00Z", null, null);

        JsonNode byZone = v2(customer, "?from=2026-10-02&to=2026-10-02&group_by=zone");
        assertThat(byZone).hasSize(3);
        assertThat(byZone.get(0).get("x_ZoneId").isNull()).as("usage without a zone comes first").isTrue();
        assertThat(byZone.get(0).get("x_ZoneName").isNull()).isTrue();
        assertThat(dec(byZone.get(0), "ConsumedQuantity")).isEqualByComparingTo("2");
        assertThat(byZone.get(1).get("x_ZoneId").asText()).isEqualTo(ZONE_A);
        assertThat(byZone.get(1).get("x_ZoneName").asText()).isEqualTo("shop.example.com");
        assertThat(byZone.get(2).get("x_ZoneName").isNull()).as("a zone without a name").isTrue();
        assertThat(byZone.get(0).has("Tags")).isFalse();

        JsonNode byTag = v2(customer, "?from=2026-10-02&to=2026-10-02&group_by=tag:team&group_by=tag:canary");
        assertThat(byTag).hasSize(2);
        assertThat(byTag.get(0).get("Tags").size()).as("missing keys are omitted").isZero();
        assertThat(dec(byTag.get(0), "ConsumedQuantity")).isEqualByComparingTo("3");
        assertThat(byTag.get(1).get("Tags").get("team").asText()).isEqualTo("search");
        assertThat(byTag.get(1).get("Tags").get("canary").isBoolean()).as("a key-only tag is true").isTrue();
        assertThat(byTag.get(1).has("x_ZoneId")).isFalse();
        assertThat(customer.get("/zones").result().get(0).get("id").asText()).isEqualTo(ZONE_A);
    }
}
