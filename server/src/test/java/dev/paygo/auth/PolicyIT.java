package dev.paygo.auth;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token policies mean what they say: a deny removes exactly the denied group, no answer carries what the caller
 * may not read, and a token created by another credential never outlives or out-scopes its creator's rights.
 */
class PolicyIT {
    private static final MutableClock CLOCK = MutableClock.at("2025-02-20T10:00:00Z");
    private static TestServer server;
    private static String account;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
        account = server.createAccount("Policies");
        server.asOperator("PUT", "/accounts/" + account + "/billing/profile")
                .json("{\"company\": \"Secret Corp\", \"city\": \"Lisbon\"}").send();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String policies(String... effectAndGroup) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < effectAndGroup.length; i += 2) {
            out.append(i == 0 ? "" : ",").append("{\"effect\": \"").append(effectAndGroup[i])
                    .append("\", \"permission_groups\": [{\"id\": \"").append(effectAndGroup[i + 1])
                    .append("\"}], \"resources\": {\"com.cloudflare.api.account.").append(account).append("\": \"*\"}}");
        }
        return out.append("]").toString();
    }

    private static JsonNode create(String creatorToken, String body) {
        Reply reply = (creatorToken == null ? server.asOperator("POST", "/accounts/" + account + "/tokens")
                : server.http().call("POST", "/accounts/" + account + "/tokens").bearer(creatorToken)).json(body).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.result();
    }

    private static String token(String... effectAndGroup) {
        return create(null, "{\"name\": \"t\", \"policies\": " + policies(effectAndGroup) + "}").get("value").asText();
    }

    private static Reply get(String token, String path) {
        return server.http().call("GET", "/accounts/" + account + path).bearer(token).send();
    }

    private static Reply patchProfile(String token, String body) {
        return server.http().call("PATCH", "/accounts/" + account + "/billing/profile").bearer(token).json(body).send();
    }

    @Test
    void denyingWriteLeavesReadAlone() {
        String token = token("allow", BILLING_READ.id(), "deny", BILLING_WRITE.id());
        assertThat(get(token, "/billing/profile").status()).isEqualTo(200);
        assertThat(get(token, "/billing/usage/paygo").status()).isEqualTo(200);
        Reply write = patchProfile(token, "{\"city\": \"Porto\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.errorCode()).isEqualTo(10000);
    }

    @Test
    void denyingReadWhileAllowingWriteRemovesReadOnly() {
        String token = token("allow", BILLING_WRITE.id(), "deny", BILLING_READ.id());
        assertThat(get(token, "/billing/profile").status()).isEqualTo(403);
        assertThat(get(token, "/tokens").status()).isEqualTo(403);
        assertThat(get(token, "").status()).isEqualTo(403);

        Reply write = patchProfile(token, "{}");
        assertThat(write.status()).isEqualTo(200);
        assertThat(write.result().fieldNames()).toIterable().containsExactly("id");
        assertThat(write.raw().body()).doesNotContain("Secret Corp").doesNotContain("Lisbon");
        Reply change = patchProfile(token, "{\"city\": \"Porto\"}");
        assertThat(change.status()).isEqualTo(200);
        assertThat(change.raw().body()).doesNotContain("Secret Corp").doesNotContain("Porto");
        assertThat(server.asOperator("GET", "/accounts/" + account + "/billing/profile").send().result().get("city")
                .asText()).isEqualTo("Porto");

        // Billing Write implies Billing Read only where Read is not denied: it cannot grant Read either.
        Reply grant = server.http().call("POST", "/accounts/" + account + "/tokens").bearer(token)
                .json("{\"name\": \"r\", \"policies\": " + policies("allow", BILLING_READ.id()) + "}").send();
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.json().at("/errors/0/source/pointer").asText()).isEqualTo("/policies/0/permission_groups/0/id");
    }

    @Test
    void aTokenCreatedByATokenExpiresNoLaterThanItsCreator() {
        JsonNode creator = create(null, "{\"name\": \"c\", \"expires_on\": \"2025-03-01T00:00:00Z\", \"policies\": "
                + policies("allow", BILLING_WRITE.id()) + "}");
        String creatorToken = creator.get("value").asText();
        JsonNode inherited = create(creatorToken, "{\"name\": \"child\", \"policies\": "
                + policies("allow", BILLING_READ.id()) + "}");
        assertThat(inherited.get("expires_on").asText()).isEqualTo("2025-03-01T00:00:00Z");

        Reply longer = server.http().call("POST", "/accounts/" + account + "/tokens").bearer(creatorToken)
                .json("{\"name\": \"longer\", \"expires_on\": \"2025-06-01T00:00:00Z\", \"policies\": "
                        + policies("allow", BILLING_READ.id()) + "}").send();
        assertThat(longer.status()).isEqualTo(400);
        assertThat(longer.json().at("/errors/0/source/pointer").asText()).isEqualTo("/expires_on");
        assertThat(longer.json().at("/errors/0/message").asText()).contains("2025-03-01T00:00:00Z");
    }

    @Test
    void revokingATokenRevokesTheTokensCreatedWithIt() {
        JsonNode creator = create(null, "{\"name\": \"c\", \"policies\": " + policies("allow", BILLING_WRITE.id()) + "}");
        String child = create(creator.get("value").asText(), "{\"name\": \"child\", \"policies\": "
                + policies("allow", BILLING_WRITE.id()) + "}").get("value").asText();
        String grandchild = create(child, "{\"name\": \"grandchild\", \"policies\": "
                + policies("allow", BILLING_READ.id()) + "}").get("value").asText();
        assertThat(get(grandchild, "/billing/profile").status()).isEqualTo(200);

        Reply revoked = server.asOperator("DELETE", "/accounts/" + account + "/tokens/" + creator.get("id").asText()).send();
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(get(child, "/billing/profile").errorCode()).isEqualTo(9109);
        assertThat(get(grandchild, "/billing/profile").errorCode()).isEqualTo(9109);
    }

    @Test
    void billingWriteCannotRevokeATokenItCouldNotHaveCreated() {
        String writer = token("allow", BILLING_WRITE.id());
        JsonNode producer = create(null, "{\"name\": \"producer\", \"policies\": " + policies("allow", USAGE_WRITE.id()) + "}");
        Reply refused = server.http().call("DELETE", "/accounts/" + account + "/tokens/" + producer.get("id").asText())
                .bearer(writer).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo(10000);
        assertThat(server.http().call("POST", "/accounts/" + account + "/usage/events")
                .bearer(producer.get("value").asText()).json("[{\"id\": \"e\", \"metric\": \"workers.requests\", "
                        + "\"quantity\": 1, \"timestamp\": \"2025-02-20T09:00:00Z\"}]").send().status()).isEqualTo(200);

        JsonNode reader = create(null, "{\"name\": \"reader\", \"policies\": " + policies("allow", BILLING_READ.id()) + "}");
        assertThat(server.http().call("DELETE", "/accounts/" + account + "/tokens/" + reader.get("id").asText())
                .bearer(writer).send().status()).isEqualTo(200);
    }

    @Test
    void removingAMemberRevokesTheTokensTheyCreated() {
        String key = server.asOperator("POST", "/users").json("{\"email\": \"leaver@example.com\"}").send()
                .result().get("api_key").asText();
        Reply member = server.asOperator("POST", "/accounts/" + account + "/members").json(
                "{\"email\": \"leaver@example.com\", \"permission_groups\": [{\"id\": \"" + BILLING_WRITE.id() + "\"}]}").send();
        String userId = member.result().at("/user/id").asText();
        Reply created = server.http().call("POST", "/accounts/" + account + "/tokens")
                .headers("X-Auth-Email", "leaver@example.com", "X-Auth-Key", key)
                .json("{\"name\": \"left behind\", \"policies\": " + policies("allow", BILLING_READ.id()) + "}").send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.result().get("value").asText();
        assertThat(get(token, "/billing/profile").status()).isEqualTo(200);

        assertThat(server.asOperator("DELETE", "/accounts/" + account + "/members/" + userId).send().status()).isEqualTo(200);
        assertThat(get(token, "/billing/profile").errorCode()).isEqualTo(9109);
    }
}
