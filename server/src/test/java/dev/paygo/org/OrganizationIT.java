package dev.paygo.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.BillingFixture;
import dev.paygo.testing.BillingFixture.Customer;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Organizations: the operator groups accounts; the organization's token reads its members' FOCUS records and
 * nothing else, and a member's own token never reaches the organization or its siblings (SPEC §12). Runs on SQLite
 * and on PostgreSQL.
 */
class OrganizationIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-10-10T12:00:00Z");
    private static final String ORG_TOKEN = "{\"name\": \"FinOps export\", \"policies\": [{\"effect\": \"allow\", "
            + "\"permission_groups\": [{\"id\": \"%s\"}], \"resources\": {\"com.cloudflare.api.organization.%s\": \"*\"}}]}";
    private static final String BILLING_READ = "7cf72faf220841aabcfdfab81c43c4f6";

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

    private static Reply operator(String method, String path, String json) {
        return json == null ? server.asOperator(method, path).send() : server.asOperator(method, path).json(json).send();
    }

    private static Reply as(String token, String path) {
        return server.http().call("GET", path).bearer(token).send();
    }

    private static String organization(String name) {
        Reply created = operator("POST", "/organizations", "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.result().get("id").asText();
    }

    @Test
    void anOrganizationsTokenSeesItsMembersRecordsAndNothingElse() {
        Customer first = billing.customer("Member one");
        first.send("workers.requests", "11000000", "2026-10-02T10:00:00Z");
        Customer second = billing.customer("Member two");
        second.send("workers.requests", "500", "2026-10-03T10:00:00Z");
        Customer outsider = billing.customer("Not a member");
        outsider.send("workers.requests", "700", "2026-10-03T10:00:00Z");
        String org = organization("Acme Group");
        String other = organization("Other Group");
        assertThat(operator("PUT", "/organizations/" + org + "/accounts/" + first.id(), null).status()).isEqualTo(200);
        Reply added = operator("PUT", "/organizations/" + org + "/accounts/" + second.id(), null);
        assertThat(added.result().get("accounts")).hasSize(2);
        assertThat(operator("PUT", "/organizations/" + org + "/accounts/" + second.id(), null).status())
                .as("adding again changes nothing").isEqualTo(200);
        Reply elsewhere = operator("PUT", "/organizations/" + other + "/accounts/" + first.id(), null);
        assertThat(elsewhere.status()).as("an account belongs to one organization").isEqualTo(409);

        Reply token = operator("POST", "/organizations/" + org + "/tokens", String.format(ORG_TOKEN, BILLING_READ, org));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        String orgToken = token.result().get("value").asText();
        assertThat(token.result().get("policies").get(0).get("resources")
                .has("com.cloudflare.api.organization." + org)).isTrue();

        Reply usage = as(orgToken, "/organizations/" + org + "/billable/usage?from=2026-10-01&to=2026-10-10");
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        Set<String> accounts = new HashSet<>();
        usage.result().forEach(r -> accounts.add(r.get("BillingAccountId").asText() + " "
                + r.get("BillingAccountName").asText()));
        assertThat(accounts).containsExactlyInAnyOrder(first.id() + " Member one", second.id() + " Member two");
        JsonNode firstRecord = null;
        for (JsonNode r : usage.result()) {
            firstRecord = r.get("BillingAccountId").asText().equals(first.id()) ? r : firstRecord;
        }
        // 11M requests, 10M included: 1M at $0.30.
        assertThat(firstRecord.get("ContractedCost").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(as(orgToken, "/organizations/" + org).status()).isEqualTo(200);

        assertThat(as(orgToken, "/organizations/" + other + "/billable/usage").status()).as("another organization")
                .isEqualTo(403);
        assertThat(as(orgToken, "/accounts/" + first.id() + "/billable/usage").status())
                .as("an organization's token reads no account directly").isEqualTo(403);
        assertThat(as(orgToken, "/organizations").status()).as("listing is the operator's").isEqualTo(403);
        assertThat(as(first.reader(), "/organizations/" + org + "/billable/usage").status())
                .as("a member's own token never sees its organization").isEqualTo(403);
        assertThat(as(first.reader(), "/organizations/" + org).status()).isEqualTo(403);
        assertThat(as(first.reader(), "/accounts/" + second.id() + "/billable/usage").status())
                .as("nor its siblings").isEqualTo(403);

        Reply write = operator("POST", "/organizations/" + org + "/tokens", String.format(ORG_TOKEN,
                "6c80e02421494afc9ae14414ed442632", org));
        assertThat(write.status()).as("an organization's token only reads").isEqualTo(400);
        Reply wrongScope = operator("POST", "/organizations/" + org + "/tokens", String.format(ORG_TOKEN, BILLING_READ,
                other));
        assertThat(wrongScope.status()).isEqualTo(400);
        assertThat(wrongScope.toString()).contains("can only be scoped to its own organization");

        Reply removed = operator("DELETE", "/organizations/" + org + "/accounts/" + second.id(), null);
        assertThat(removed.result().get("accounts")).hasSize(1);
        Reply after = as(orgToken, "/organizations/" + org + "/billable/usage?from=2026-10-01&to=2026-10-10");
        after.result().forEach(r -> assertThat(r.get("BillingAccountId").asText()).isEqualTo(first.id()));
        Reply export = as(orgToken, "/organizations/" + org + "/billable/usage/export?format=csv&from=2026-10-01&to=2026-10-10");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw().body()).contains(first.id()).doesNotContain(second.id());

        String tokenId = token.result().get("id").asText();
        assertThat(operator("GET", "/organizations/" + org + "/tokens", null).result()).hasSize(1);
        assertThat(operator("DELETE", "/organizations/" + org + "/tokens/" + tokenId, null).status()).isEqualTo(200);
        assertThat(as(orgToken, "/organizations/" + org + "/billable/usage").status()).as("revoked").isEqualTo(403);
    }

    @Test
    void unknownOrganizationsAndBadInputAreRefusedAndChangeNothing() {
        Reply unknown = operator("GET", "/organizations/" + "f".repeat(32) + "/billable/usage", null);
        assertThat(unknown.status()).as("Cloudflare answers an unknown organization with no records").isEqualTo(200);
        assertThat(unknown.result()).isEmpty();
        assertThat(operator("GET", "/organizations/" + "f".repeat(32), null).status()).isEqualTo(404);
        long before = operator("GET", "/organizations?per_page=100", null).json().get("result_info").get("total_count")
                .asLong();
        assertThat(operator("POST", "/organizations", "{\"name\": \"\"}").status()).isEqualTo(400);
        assertThat(operator("POST", "/organizations", "{\"name\": \"x\", \"extra\": 1}").status()).isEqualTo(400);
        assertThat(operator("GET", "/organizations?per_page=100", null).json().get("result_info").get("total_count")
                .asLong()).isEqualTo(before);
        String org = organization("Empty");
        assertThat(operator("PUT", "/organizations/" + org + "/accounts/" + "0".repeat(32), null).status())
                .as("no such account").isEqualTo(404);
        assertThat(operator("DELETE", "/organizations/" + org + "/accounts/" + "0".repeat(32), null).status())
                .isEqualTo(404);
        Reply tooLong = operator("GET", "/organizations/" + org + "/billable/usage?from=2026-09-01&to=2026-10-02", null);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(operator("GET", "/organizations/" + org, null).result().get("accounts")).isEmpty();
    }
}
