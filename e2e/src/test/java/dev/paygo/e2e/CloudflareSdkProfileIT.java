package dev.paygo.e2e;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.e2e.CloudflareSdk.Outcome;
import dev.paygo.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cloudflare's TypeScript SDK 6.2.0, unchanged but for its base URL, against a live paygo. */
class CloudflareSdkProfileIT {
    private static TestServer server;
    private static String account;
    private static String otherAccount;
    private static String readToken;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        account = server.createAccount("SDK Corp", "2025-01-15T00:00:00Z");
        otherAccount = server.createAccount("Someone else");
        readToken = server.createToken(account, BILLING_READ);
        String writer = server.createToken(account, BILLING_WRITE);
        var put = server.http().call("PUT", "/accounts/" + account + "/billing/profile").bearer(writer).json("""
                {"first_name": "Grace", "last_name": "Hopper", "company": "SDK Corp", "country": "US",
                 "primary_email": "grace@example.com", "card_number": "4111111111111111",
                 "card_expiry_month": 6, "card_expiry_year": 2031}""").send();
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sdkReadsTheBillingProfile() {
        Outcome outcome = CloudflareSdk.withToken(server.checkedBaseUrl(), readToken)
                .call("billing.profiles.get", Map.of("account_id", account));
        assertThat(outcome.ok()).as(String.valueOf(outcome.error())).isTrue();
        JsonNode profile = outcome.result();
        assertThat(profile.get("first_name").asText()).isEqualTo("Grace");
        assertThat(profile.get("company").asText()).isEqualTo("SDK Corp");
        assertThat(profile.get("card_number").asText()).isEqualTo("XXXX-XXXX-XXXX-1111");
        assertThat(profile.get("card_expiry_year").asInt()).isEqualTo(2031);
        assertThat(profile.get("balance").asText()).isEqualTo("0.00");
        assertThat(profile.get("next_bill_date").asText()).matches("\\d{4}-\\d{2}-15T00:00:00Z");
        assertThat(profile.get("id").asText()).matches("[0-9a-f]{32}");
    }

    @Test
    void sdkGetsPermissionDeniedForAnotherAccountsProfile() {
        Outcome outcome = CloudflareSdk.withToken(server.checkedBaseUrl(), readToken)
                .call("billing.profiles.get", Map.of("account_id", otherAccount));
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.errorName()).isEqualTo("PermissionDeniedError");
        assertThat(outcome.status()).isEqualTo(403);
        assertThat(outcome.errorCode()).isEqualTo(10000);
    }

    @Test
    void sdkGetsBadRequestWithoutCredentials() {
        Outcome outcome = CloudflareSdk.withoutCredentials(server.checkedBaseUrl())
                .call("billing.profiles.get", Map.of("account_id", account));
        assertThat(outcome.errorName()).isEqualTo("BadRequestError");
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.errorCode()).isEqualTo(9106);
    }

    @Test
    void sdkGetsPermissionDeniedForAnUnknownToken() {
        Outcome outcome = CloudflareSdk.withToken(server.checkedBaseUrl(), "z".repeat(40))
                .call("billing.profiles.get", Map.of("account_id", account));
        assertThat(outcome.errorName()).isEqualTo("PermissionDeniedError");
        assertThat(outcome.errorCode()).isEqualTo(9109);
    }

    @Test
    void sdkReadsTheProfileWithAMembersGlobalApiKey() {
        var user = server.asOperator("POST", "/users").json("{\"email\": \"sdk-member@example.com\"}").send();
        String key = user.result().get("api_key").asText();
        server.asOperator("POST", "/accounts/" + account + "/members").json(
                "{\"email\": \"sdk-member@example.com\", \"permission_groups\": [{\"id\": \"" + BILLING_READ.id() + "\"}]}")
                .send();
        Outcome outcome = CloudflareSdk.withGlobalKey(server.checkedBaseUrl(), "sdk-member@example.com", key)
                .call("billing.profiles.get", Map.of("account_id", account));
        assertThat(outcome.ok()).as(String.valueOf(outcome.error())).isTrue();
        assertThat(outcome.result().get("last_name").asText()).isEqualTo("Hopper");
    }

    @Test
    void sdkVerifiesItsToken() {
        Outcome user = CloudflareSdk.withToken(server.checkedBaseUrl(), readToken).call("user.tokens.verify");
        assertThat(user.ok()).as(String.valueOf(user.error())).isTrue();
        assertThat(user.result().get("status").asText()).isEqualTo("active");

        Outcome accountVerify = CloudflareSdk.withToken(server.checkedBaseUrl(), readToken)
                .call("accounts.tokens.verify", Map.of("account_id", account));
        assertThat(accountVerify.result().get("id")).isEqualTo(user.result().get("id"));

        Outcome invalid = CloudflareSdk.withToken(server.checkedBaseUrl(), "q".repeat(40)).call("user.tokens.verify");
        assertThat(invalid.errorName()).isEqualTo("AuthenticationError");
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.errorCode()).isEqualTo(1000);
    }

    @Test
    void sdkCreatesListsAndDeletesTokensInCloudflaresShape() {
        CloudflareSdk operator = CloudflareSdk.withToken(server.checkedBaseUrl(), TestServer.OPERATOR_TOKEN);
        Outcome created = operator.call("accounts.tokens.create", Map.of("account_id", account, "name", "from-sdk",
                "policies", List.of(Map.of("effect", "allow",
                        "permission_groups", List.of(Map.of("id", BILLING_READ.id())),
                        "resources", Map.of("com.cloudflare.api.account." + account, "*")))));
        assertThat(created.ok()).as(String.valueOf(created.error())).isTrue();
        String value = created.result().get("value").asText();
        String id = created.result().get("id").asText();

        Outcome read = CloudflareSdk.withToken(server.checkedBaseUrl(), value)
                .call("billing.profiles.get", Map.of("account_id", account));
        assertThat(read.ok()).isTrue();

        Outcome listed = operator.list("accounts.tokens.list", Map.of("account_id", account, "per_page", 1));
        assertThat(listed.ok()).as(String.valueOf(listed.error())).isTrue();
        assertThat(listed.result().findValuesAsText("id")).contains(id);
        assertThat(listed.result().findValues("value")).isEmpty();

        // 7.3.0 sends an empty condition when asked to, and lists newest first with expired tokens on request.
        CloudflareSdk v7 = operator.version(CloudflareSdk.V7);
        Outcome newer = v7.call("accounts.tokens.create", Map.of("account_id", account, "name", "from-sdk-7",
                "condition", Map.of(), "policies", List.of(Map.of("effect", "allow",
                        "permission_groups", List.of(Map.of("id", BILLING_READ.id())),
                        "resources", Map.of("com.cloudflare.api.account." + account, "*")))));
        assertThat(newer.ok()).as(String.valueOf(newer.error())).isTrue();
        Outcome newestFirst = v7.list("accounts.tokens.list", Map.of("account_id", account, "direction", "desc",
                "include_expired", true, "per_page", 1));
        assertThat(newestFirst.ok()).as(String.valueOf(newestFirst.error())).isTrue();
        assertThat(newestFirst.result().get(0).get("id").asText()).isEqualTo(newer.result().get("id").asText());
        assertThat(newestFirst.result().size()).isEqualTo(listed.result().size() + 1);
        Outcome restricted = v7.call("accounts.tokens.create", Map.of("account_id", account, "name", "office-only",
                "condition", Map.of("request_ip", Map.of("in", List.of("192.0.2.0/24"))), "policies", List.of(Map.of(
                        "effect", "allow", "permission_groups", List.of(Map.of("id", BILLING_READ.id())),
                        "resources", Map.of("com.cloudflare.api.account." + account, "*")))));
        assertThat(restricted.errorName()).isEqualTo("BadRequestError");
        assertThat(restricted.errorCode()).isEqualTo(1183);

        Outcome deleted = operator.call("accounts.tokens.delete", id, Map.of("account_id", account));
        assertThat(deleted.ok()).as(String.valueOf(deleted.error())).isTrue();
        Outcome afterDelete = CloudflareSdk.withToken(server.checkedBaseUrl(), value)
                .call("billing.profiles.get", Map.of("account_id", account));
        assertThat(afterDelete.errorName()).isEqualTo("PermissionDeniedError");
        assertThat(afterDelete.errorCode()).isEqualTo(9109);
    }
}
