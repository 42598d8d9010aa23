package dev.paygo.auth;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each row of SPEC §3's authentication table, seen as a client sees it. */
class AuthIT {
    private static final MutableClock CLOCK = MutableClock.at("2025-02-20T10:00:00Z");
    private static TestServer server;
    private static String accountA;
    private static String accountB;
    private static String readTokenA;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
        accountA = server.createAccount("Acme");
        accountB = server.createAccount("Globex");
        readTokenA = server.createToken(accountA, BILLING_READ);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Reply profileOf(String accountId, String... headers) {
        return server.http().get("/accounts/" + accountId + "/billing/profile", headers);
    }

    private static void assertError(Reply reply, int status, int code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().get("success").asBoolean()).isFalse();
        assertThat(reply.json().get("result").isNull()).isTrue();
        assertThat(reply.json().get("messages").isArray()).isTrue();
        assertThat(reply.errorCode()).as(reply.toString()).isEqualTo(code);
    }

    @Test
    void requestWithoutCredentialsGets400With9106() {
        Reply reply = profileOf(accountA);
        assertError(reply, 400, 9106);
        assertThat(reply.json().at("/errors/0/message").asText())
                .isEqualTo("Missing X-Auth-Key, X-Auth-Email or Authorization headers");
    }

    @Test
    void emailWithoutKeyCountsAsMissingCredentials() {
        assertError(profileOf(accountA, "X-Auth-Email", "a@example.com"), 400, 9106);
    }

    @Test
    void malformedAuthorizationHeaderGets6003With6111InTheChain() {
        for (String header : new String[] {"Basic dXNlcjpwYXNz", "Bearer", "Bearer two words", "token"}) {
            Reply reply = profileOf(accountA, "Authorization", header);
            assertError(reply, 400, 6003);
            assertThat(reply.json().at("/errors/0/error_chain/0/code").asInt()).as(header).isEqualTo(6111);
        }
    }

    @Test
    void malformedGlobalKeyAndEmailGet6003With6103And6102() {
        Reply badKey = profileOf(accountA, "X-Auth-Email", "a@example.com", "X-Auth-Key", "not-a-key");
        assertError(badKey, 400, 6003);
        assertThat(badKey.json().at("/errors/0/error_chain/0/code").asInt()).isEqualTo(6103);

        Reply badEmail = profileOf(accountA, "X-Auth-Email", "not an email", "X-Auth-Key", "0".repeat(37));
        assertError(badEmail, 400, 6003);
        assertThat(badEmail.json().at("/errors/0/error_chain/0/code").asInt()).isEqualTo(6102);
    }

    @Test
    void unknownTokenGets403With9109() {
        assertError(profileOf(accountA, "Authorization", "Bearer " + "x".repeat(40)), 403, 9109);
    }

    @Test
    void revokedTokenGets403With9109() {
        JsonNode created = server.createTokenReply(accountA, BILLING_READ);
        String value = created.get("value").asText();
        assertThat(profileOf(accountA, "Authorization", "Bearer " + value).status()).isEqualTo(200);

        Reply revoked = server.asOperator("DELETE", "/accounts/" + accountA + "/tokens/" + created.get("id").asText())
                .send();
        assertThat(revoked.status()).isEqualTo(200);
        assertError(profileOf(accountA, "Authorization", "Bearer " + value), 403, 9109);
    }

    @Test
    void expiredTokenGets403With9109AndNotYetValidTokenToo() {
        Reply created = server.asOperator("POST", "/accounts/" + accountA + "/tokens").json("""
                {"name": "short-lived", "expires_on": "2025-02-20T11:00:00Z", "policies": [{"effect": "allow",
                 "permission_groups": [{"id": "%s"}], "resources": {"com.cloudflare.api.account.%s": "*"}}]}"""
                .formatted(BILLING_READ.id(), accountA)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String value = created.result().get("value").asText();
        assertThat(profileOf(accountA, "Authorization", "Bearer " + value).status()).isEqualTo(200);

        Reply later = server.asOperator("POST", "/accounts/" + accountA + "/tokens").json("""
                {"name": "later", "not_before": "2025-03-01T00:00:00Z", "policies": [{"effect": "allow",
                 "permission_groups": [{"id": "%s"}], "resources": {"com.cloudflare.api.account.%s": "*"}}]}"""
                .formatted(BILLING_READ.id(), accountA)).send();
        assertError(profileOf(accountA, "Authorization", "Bearer " + later.result().get("value").asText()),
                403, 9109);

        CLOCK.advance(Duration.ofHours(2));
        try {
            assertError(profileOf(accountA, "Authorization", "Bearer " + value), 403, 9109);
        } finally {
            CLOCK.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void unknownEmailAndKeyGet403With9103() {
        assertError(profileOf(accountA, "X-Auth-Email", "nobody@example.com", "X-Auth-Key", "a".repeat(37)),
                403, 9103);
    }

    @Test
    void tokenWithoutThePermissionGets403With10000() {
        Reply reply = server.http().call("PATCH", "/accounts/" + accountA + "/billing/profile").bearer(readTokenA)
                .json("{\"company\": \"Acme\"}").send();
        assertError(reply, 403, 10000);
        assertThat(reply.json().at("/errors/0/message").asText()).isEqualTo("Authentication error");
    }

    @Test
    void tokenCannotTellAnotherAccountFromOneThatDoesNotExist() {
        Reply other = profileOf(accountB, "Authorization", "Bearer " + readTokenA);
        Reply missing = profileOf("0123456789abcdef0123456789abcdef", "Authorization", "Bearer " + readTokenA);
        Reply malformed = profileOf("not-an-id", "Authorization", "Bearer " + readTokenA);
        assertError(other, 403, 10000);
        assertError(missing, 403, 10000);
        assertError(malformed, 403, 10000);
        assertThat(other.raw().body()).isEqualTo(missing.raw().body()).isEqualTo(malformed.raw().body());
    }

    @Test
    void operatorLearnsThatAnAccountDoesNotExist() {
        Reply reply = server.asOperator("GET", "/accounts/0123456789abcdef0123456789abcdef/billing/profile").send();
        assertError(reply, 404, 7003);
    }

    @Test
    void onlyTheOperatorCreatesAccounts() {
        String writeToken = server.createToken(accountA, BILLING_WRITE);
        Reply reply = server.http().call("POST", "/accounts").bearer(writeToken).json("{\"name\": \"x\"}").send();
        assertError(reply, 403, 10000);
    }

    @Test
    void invalidParametersGet400With1183NamingTheParameter() {
        Reply reply = server.asOperator("GET", "/accounts?per_page=0").send();
        assertError(reply, 400, 1183);
        assertThat(reply.json().at("/errors/0/message").asText()).contains("per_page");
    }

    @Test
    void tooManyRequestsGet429With971AndRetryAfter() {
        MutableClock frozen = MutableClock.at("2025-02-20T10:00:00Z");
        try (TestServer limited = TestServer.start(c -> c.withClock(frozen).withRateLimit(1, 2))) {
            String account = limited.createAccount("Limited");
            String token = limited.createToken(account, BILLING_READ);
            String path = "/accounts/" + account + "/billing/profile";
            assertThat(limited.http().call("GET", path).bearer(token).send().status()).isEqualTo(200);
            assertThat(limited.http().call("GET", path).bearer(token).send().status()).isEqualTo(200);
            Reply third = limited.http().call("GET", path).bearer(token).send();
            assertError(third, 429, 971);
            assertThat(third.json().at("/errors/0/message").asText())
                    .isEqualTo("Please wait and consider throttling your request speed");
            assertThat(third.header("Retry-After")).isEqualTo("1");

            frozen.advance(Duration.ofSeconds(1));
            assertThat(limited.http().call("GET", path).bearer(token).send().status()).isEqualTo(200);
        }
    }

    @Test
    void userTokenVerifyAnswersForAnActiveTokenAnd401ForOthers() {
        Reply ok = server.http().call("GET", "/user/tokens/verify").bearer(readTokenA).send();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.result().get("status").asText()).isEqualTo("active");
        assertThat(ok.result().get("id").asText()).matches("[0-9a-f]{32}");

        Reply unknown = server.http().call("GET", "/user/tokens/verify").bearer("y".repeat(40)).send();
        assertError(unknown, 401, 1000);
        assertThat(unknown.json().at("/errors/0/message").asText()).isEqualTo("Invalid API Token");
    }

    @Test
    void accountTokenVerifyOnlyVouchesForTheAccountsOwnTokens() {
        Reply own = server.http().call("GET", "/accounts/" + accountA + "/tokens/verify").bearer(readTokenA).send();
        assertThat(own.status()).isEqualTo(200);
        Reply other = server.http().call("GET", "/accounts/" + accountB + "/tokens/verify").bearer(readTokenA).send();
        assertError(other, 401, 1000);
    }

    @Test
    void tokenValueIsShownOnceAndNeverListed() {
        JsonNode created = server.createTokenReply(accountA, BILLING_READ);
        assertThat(created.get("value").asText()).hasSize(40);
        Reply list = server.asOperator("GET", "/accounts/" + accountA + "/tokens?per_page=100").send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw().body()).doesNotContain(created.get("value").asText());
        assertThat(list.result().findValues("value")).isEmpty();
        assertThat(list.json().at("/result_info/total_count").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode policy = created.at("/policies/0");
        assertThat(policy.get("effect").asText()).isEqualTo("allow");
        assertThat(policy.at("/permission_groups/0/name").asText()).isEqualTo("Billing Read");
        assertThat(policy.at("/resources/com.cloudflare.api.account." + accountA).asText()).isEqualTo("*");
    }

    @Test
    void tokenListsPageTurnAndLeaveExpiredTokensOutAsCloudflaresSdkAsks() {
        String account = server.createAccount("Token lister");
        String first = createToken(account, "first", "\"expires_on\": \"2025-02-20T11:00:00Z\"");
        CLOCK.advance(Duration.ofMinutes(1));
        try {
            String second = createToken(account, "second", null);
            CLOCK.advance(Duration.ofMinutes(1));
            String third = createToken(account, "third", null);
            assertThat(tokenIds(account, "")).containsExactly(first, second, third);

            CLOCK.advance(Duration.ofHours(2));  // past the first token's expires_on
            assertThat(tokenIds(account, "")).containsExactly(second, third);
            assertThat(tokenIds(account, "?include_expired=true")).containsExactly(first, second, third);
            assertThat(tokenIds(account, "?include_expired=true&direction=desc")).containsExactly(third, second, first);
            assertThat(tokenIds(account, "?direction=asc&include_expired=false")).containsExactly(second, third);
            Reply page = server.asOperator("GET", "/accounts/" + account + "/tokens?direction=desc&per_page=1&page=2")
                    .send();
            assertThat(ids(page)).containsExactly(second);
            assertThat(page.json().at("/result_info/total_count").asInt()).isEqualTo(2);
            Reply expired = server.asOperator("GET", "/accounts/" + account + "/tokens?include_expired=true").send();
            assertThat(expired.result().get(0).get("status").asText()).isEqualTo("expired");

            Reply refused = server.asOperator("GET", "/accounts/" + account + "/tokens?direction=up&include_expired=1")
                    .send();
            assertError(refused, 400, 1183);
            assertThat(refused.json().findValuesAsText("message")).containsExactly(
                    "Invalid request parameters: query parameter 'direction' must be asc or desc",
                    "Invalid request parameters: query parameter 'include_expired' must be true or false");
        } finally {
            CLOCK.advance(Duration.ofMinutes(-122));
        }
    }

    @Test
    void anEmptyConditionIsTakenAndARealOneRefusedRatherThanIgnored() {
        String account = server.createAccount("Conditions");
        String policy = """
                "policies": [{"effect": "allow", "permission_groups": [{"id": "%s"}],
                 "resources": {"com.cloudflare.api.account.%s": "*"}}]""".formatted(BILLING_READ.id(), account);
        Reply empty = server.asOperator("POST", "/accounts/" + account + "/tokens")
                .json("{\"name\": \"plain\", \"condition\": {}, " + policy + "}").send();
        assertThat(empty.status()).as(empty.toString()).isEqualTo(201);

        Reply restricted = server.asOperator("POST", "/accounts/" + account + "/tokens").json("{\"name\": \"office\", "
                + "\"condition\": {\"request_ip\": {\"in\": [\"192.0.2.0/24\"]}}, " + policy + "}").send();
        assertError(restricted, 400, 1183);
        assertThat(restricted.json().at("/errors/0/source/pointer").asText()).isEqualTo("/condition");
        assertThat(restricted.json().at("/errors/0/message").asText()).contains("paygo's tokens take no request "
                + "conditions");
        assertThat(tokenIds(account, "")).containsExactly(empty.result().get("id").asText());
    }

    /** Creates a Billing Read token named {@code name} on {@code account}, with {@code extra} JSON members. */
    private static String createToken(String account, String name, String extra) {
        Reply created = server.asOperator("POST", "/accounts/" + account + "/tokens").json("""
                {"name": "%s", %s"policies": [{"effect": "allow", "permission_groups": [{"id": "%s"}],
                 "resources": {"com.cloudflare.api.account.%s": "*"}}]}"""
                .formatted(name, extra == null ? "" : extra + ", ", BILLING_READ.id(), account)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.result().get("id").asText();
    }

    private static List<String> tokenIds(String account, String query) {
        Reply list = server.asOperator("GET", "/accounts/" + account + "/tokens" + query).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return ids(list);
    }

    /** The ids of the tokens listed, in order. */
    private static List<String> ids(Reply list) {
        List<String> ids = new ArrayList<>();
        list.result().forEach(token -> ids.add(token.get("id").asText()));
        return ids;
    }

    @Test
    void billingWriteTokenCannotGrantWhatItDoesNotHold() {
        String writer = server.createToken(accountA, BILLING_WRITE);
        Reply escalate = server.http().call("POST", "/accounts/" + accountA + "/tokens").bearer(writer).json("""
                {"name": "escalate", "policies": [{"effect": "allow", "permission_groups": [{"id": "%s"}],
                 "resources": {"com.cloudflare.api.account.%s": "*"}}]}""".formatted(USAGE_WRITE.id(), accountA))
                .send();
        assertError(escalate, 400, 1183);
        assertThat(escalate.json().at("/errors/0/source/pointer").asText()).isEqualTo("/policies/0/permission_groups/0/id");

        Reply allowed = server.http().call("POST", "/accounts/" + accountA + "/tokens").bearer(writer).json("""
                {"name": "reader", "policies": [{"effect": "allow", "permission_groups": [{"id": "%s"}],
                 "resources": {"com.cloudflare.api.account.%s": "*"}}]}""".formatted(BILLING_READ.id(), accountA))
                .send();
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
    }

    @Test
    void tokenCannotBeScopedToAnotherAccount() {
        Reply reply = server.asOperator("POST", "/accounts/" + accountA + "/tokens").json("""
                {"name": "sneaky", "policies": [{"effect": "allow", "permission_groups": [{"id": "%s"}],
                 "resources": {"com.cloudflare.api.account.%s": "*"}}]}""".formatted(BILLING_READ.id(), accountB))
                .send();
        assertError(reply, 400, 1183);
        assertThat(reply.json().at("/errors/0/source/pointer").asText())
                .isEqualTo("/policies/0/resources/com.cloudflare.api.account." + accountB);
    }

    @Test
    void denyPolicyOverridesAnAllow() {
        Reply created = server.asOperator("POST", "/accounts/" + accountA + "/tokens").json("""
                {"name": "write-but-not-read", "policies": [
                 {"effect": "allow", "permission_groups": [{"id": "%1$s"}], "resources": {"com.cloudflare.api.account.%3$s": "*"}},
                 {"effect": "deny", "permission_groups": [{"id": "%2$s"}], "resources": {"com.cloudflare.api.account.%3$s": "*"}}]}"""
                .formatted(BILLING_WRITE.id(), BILLING_READ.id(), accountA)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertError(profileOf(accountA, "Authorization", "Bearer " + created.result().get("value").asText()),
                403, 10000);
    }

    @Test
    void memberWithGlobalKeyReadsOnlyWhereTheyHoldBillingRead() {
        Reply user = server.asOperator("POST", "/users").json("{\"email\": \"Finance@Example.com\"}").send();
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        String key = user.result().get("api_key").asText();
        assertThat(key).matches("[0-9a-f]{37}");
        assertThat(user.result().get("email").asText()).isEqualTo("finance@example.com");

        Reply member = server.asOperator("POST", "/accounts/" + accountA + "/members")
                .json("{\"email\": \"finance@example.com\", \"permission_groups\": [{\"id\": \"" + BILLING_READ.id()
                        + "\"}]}").send();
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        assertThat(member.result().at("/permission_groups/0/name").asText()).isEqualTo("Billing Read");

        assertThat(profileOf(accountA, "X-Auth-Email", "finance@example.com", "X-Auth-Key", key).status())
                .isEqualTo(200);
        assertError(profileOf(accountB, "X-Auth-Email", "finance@example.com", "X-Auth-Key", key), 403, 10000);
        assertError(profileOf(accountA, "X-Auth-Email", "finance@example.com", "X-Auth-Key", "b".repeat(37)),
                403, 9103);

        Reply duplicate = server.asOperator("POST", "/users").json("{\"email\": \"finance@example.com\"}").send();
        assertError(duplicate, 409, 1185);
    }
}
