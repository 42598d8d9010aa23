package dev.paygo.profile;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
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

/** Billing profiles as a client reads and writes them, card data handling included (SPEC §9). */
class ProfileIT {
    private static final MutableClock CLOCK = MutableClock.at("2025-02-20T10:00:00Z");
    private static final String FULL_PROFILE = """
            {"first_name": "Ada", "last_name": "Lovelace", "company": "Analytical Engines Ltd",
             "address": "12 St James's Square", "address2": "Floor 2", "city": "London", "state": "London",
             "zipcode": "SW1Y 4JH", "country": "gb", "telephone": "+44 20 7946 0000",
             "primary_email": "ada@example.com", "account_type": "business", "vat": "GB123456789",
             "tax_id_type": "gb_vat", "is_partner": false, "use_legacy": false,
             "payment_first_name": "Ada", "payment_last_name": "Lovelace", "payment_address": "12 St James's Square",
             "payment_city": "London", "payment_state": "London", "payment_zipcode": "SW1Y 4JH",
             "payment_country": "GB", "payment_email": "billing@example.com", "payment_gateway": "test",
             "card_number": "4242 4242 4242 4242", "card_expiry_month": 12, "card_expiry_year": 2027,
             "payment_nonce": "tok_abc123", "device_data": "{\\"fingerprint\\": \\"x\\"}", "validation_code": "123"}""";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Account(String id, String reader, String writer) {
    }

    private Account account(String anchor) {
        String id = server.createAccount("Profile test", anchor);
        return new Account(id, server.createToken(id, BILLING_READ), server.createToken(id, BILLING_WRITE));
    }

    private Reply get(Account account) {
        return server.http().call("GET", "/accounts/" + account.id() + "/billing/profile").bearer(account.reader())
                .send();
    }

    private Reply write(String method, Account account, String json) {
        return server.http().call(method, "/accounts/" + account.id() + "/billing/profile").bearer(account.writer())
                .json(json).send();
    }

    @Test
    void newAccountHasAnEmptyProfileWithServerKeptFields() {
        Account account = account("2025-01-15T00:00:00Z");
        Reply reply = get(account);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode profile = reply.result();
        assertThat(profile.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(profile.get("balance").asText()).isEqualTo("0.00");
        assertThat(profile.get("next_bill_date").asText()).isEqualTo("2025-03-15T00:00:00Z");
        assertThat(profile.get("created_on").asText()).isEqualTo("2025-02-20T10:00:00Z");
        assertThat(profile.has("card_number")).isFalse();
        assertThat(profile.has("first_name")).isFalse();
        assertThat(get(account).result().get("id")).isEqualTo(profile.get("id"));

        // Reading stores nothing; the first write keeps the id and created_on the reads showed.
        int stored = server.server().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM billing_profiles WHERE account_id = :id").bind("id", account.id())
                .mapTo(Integer.class).one());
        assertThat(stored).isZero();
        JsonNode written = write("PATCH", account, "{\"company\": \"Analytical Engines\"}").result();
        assertThat(written.get("id")).isEqualTo(profile.get("id"));
        assertThat(written.get("created_on")).isEqualTo(profile.get("created_on"));
    }

    @Test
    void nextBillDateOfAnAnchorOnThe31stFallsOnTheLastDayOfFebruary() {
        CLOCK.set(java.time.Instant.parse("2025-02-10T08:00:00Z"));
        try {
            Account account = account("2024-10-31T00:00:00Z");
            assertThat(get(account).result().get("next_bill_date").asText()).isEqualTo("2025-02-28T00:00:00Z");
        } finally {
            CLOCK.set(java.time.Instant.parse("2025-02-20T10:00:00Z"));
        }
    }

    @Test
    void putStoresTheProfileAndKeepsOnlyTheLastFourDigitsOfTheCard() {
        Account account = account("2025-01-15T00:00:00Z");
        Reply put = write("PUT", account, FULL_PROFILE);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);

        JsonNode profile = get(account).result();
        assertThat(profile.get("first_name").asText()).isEqualTo("Ada");
        assertThat(profile.get("country").asText()).isEqualTo("GB");
        assertThat(profile.get("zipcode").asText()).isEqualTo("SW1Y 4JH");
        assertThat(profile.get("is_partner").asBoolean()).isFalse();
        assertThat(profile.get("card_number").asText()).isEqualTo("XXXX-XXXX-XXXX-4242");
        assertThat(profile.get("card_expiry_month").asInt()).isEqualTo(12);
        assertThat(profile.get("card_expiry_year").asInt()).isEqualTo(2027);
        assertThat(profile.get("card_brand").asText()).isEqualTo("visa");
        assertThat(profile.has("payment_nonce")).isFalse();
        assertThat(profile.has("device_data")).isFalse();
        assertThat(profile.has("validation_code")).isFalse();
        assertThat(get(account).raw().body()).doesNotContain("4242 4242").doesNotContain("42424242");
    }

    @Test
    void fullCardNumberNeverReachesTheDatabase() {
        Account account = account("2025-01-15T00:00:00Z");
        assertThat(write("PUT", account, FULL_PROFILE).status()).isEqualTo(200);
        String stored = server.server().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT fields_json || COALESCE(card_last4, '') || COALESCE(card_brand, '') "
                                + "FROM billing_profiles WHERE account_id = :id")
                .bind("id", account.id()).mapTo(String.class).one());
        assertThat(stored).contains("4242").doesNotContain("42424242").doesNotContain("4242 4242")
                .doesNotContain("tok_abc123");
    }

    @Test
    void maskedCardNumberOfTheCardOnFileRoundTrips() {
        Account account = account("2025-01-15T00:00:00Z");
        write("PUT", account, FULL_PROFILE);
        JsonNode profile = get(account).result();
        Reply again = write("PUT", account, profile.toString());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.result().get("card_number").asText()).isEqualTo("XXXX-XXXX-XXXX-4242");
        assertThat(again.result().get("first_name").asText()).isEqualTo("Ada");

        Reply foreignMask = write("PATCH", account, "{\"card_number\": \"XXXX-XXXX-XXXX-1111\"}");
        assertThat(foreignMask.status()).isEqualTo(400);
        assertThat(foreignMask.json().at("/errors/0/source/pointer").asText()).isEqualTo("/card_number");
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndNullClearsOne() {
        Account account = account("2025-01-15T00:00:00Z");
        write("PUT", account, FULL_PROFILE);
        Reply patched = write("PATCH", account, "{\"company\": \"Difference Engines\", \"address2\": null}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode profile = get(account).result();
        assertThat(profile.get("company").asText()).isEqualTo("Difference Engines");
        assertThat(profile.has("address2")).isFalse();
        assertThat(profile.get("first_name").asText()).isEqualTo("Ada");
        assertThat(profile.get("card_number").asText()).isEqualTo("XXXX-XXXX-XXXX-4242");
    }

    @Test
    void putReplacesEverythingAndDropsTheCardWhenNoneIsSent() {
        Account account = account("2025-01-15T00:00:00Z");
        write("PUT", account, FULL_PROFILE);
        Reply replaced = write("PUT", account, "{\"company\": \"Only this\"}");
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode profile = get(account).result();
        assertThat(profile.get("company").asText()).isEqualTo("Only this");
        assertThat(profile.has("first_name")).isFalse();
        assertThat(profile.has("card_number")).isFalse();
    }

    @Test
    void badFieldsAreAllReportedWithPointersAndNothingIsStored() {
        Account account = account("2025-01-15T00:00:00Z");
        write("PUT", account, FULL_PROFILE);
        String before = get(account).raw().body();

        Reply reply = write("PATCH", account, """
                {"primary_email": "not-an-email", "country": "XX", "first_name": "%s", "is_partner": "yes",
                 "card_number": "4242 4242 4242 4241", "card_expiry_month": 13, "favourite_colour": "blue",
                 "company": "Changed"}""".formatted("a".repeat(101)));
        assertThat(reply.status()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        reply.json().get("errors").forEach(e -> {
            assertThat(e.get("code").asInt()).isEqualTo(1183);
            pointers.add(e.at("/source/pointer").asText());
        });
        assertThat(pointers).containsExactlyInAnyOrder("/primary_email", "/country", "/first_name", "/is_partner",
                "/card_number", "/card_expiry_month", "/favourite_colour");
        assertThat(get(account).raw().body()).isEqualTo(before);
    }

    @Test
    void cardSecurityCodeIsRefused() {
        Account account = account("2025-01-15T00:00:00Z");
        Reply reply = write("PUT", account, "{\"card_number\": \"4242424242424242\", \"card_expiry_month\": 1, "
                + "\"card_expiry_year\": 2030, \"cvv\": \"123\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/errors/0/source/pointer").asText()).isEqualTo("/cvv");
        assertThat(get(account).result().has("card_number")).isFalse();
    }

    @Test
    void expiredCardAndCardWithoutExpiryAreRefused() {
        Account account = account("2025-01-15T00:00:00Z");
        Reply expired = write("PUT", account,
                "{\"card_number\": \"5555555555554444\", \"card_expiry_month\": 1, \"card_expiry_year\": 2025}");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().at("/errors/0/message").asText()).contains("expired");

        Reply noExpiry = write("PUT", account, "{\"card_number\": \"5555555555554444\"}");
        assertThat(noExpiry.status()).isEqualTo(400);
        assertThat(noExpiry.json().at("/errors/0/source/pointer").asText()).isEqualTo("/card_expiry_month");

        Reply thisMonth = write("PUT", account,
                "{\"card_number\": \"5555555555554444\", \"card_expiry_month\": 2, \"card_expiry_year\": 2025}");
        assertThat(thisMonth.status()).isEqualTo(200);
        assertThat(thisMonth.result().get("card_brand").asText()).isEqualTo("mastercard");
    }

    @Test
    void billingReadTokenCannotWriteAndWriteTokenCanRead() {
        Account account = account("2025-01-15T00:00:00Z");
        Reply denied = server.http().call("PUT", "/accounts/" + account.id() + "/billing/profile")
                .bearer(account.reader()).json("{\"company\": \"x\"}").send();
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo(10000);
        Reply read = server.http().call("GET", "/accounts/" + account.id() + "/billing/profile")
                .bearer(account.writer()).send();
        assertThat(read.status()).isEqualTo(200);
    }

    @Test
    void editedOnMovesWithAWriteAndCreatedOnStays() {
        Account account = account("2025-01-15T00:00:00Z");
        JsonNode before = get(account).result();
        CLOCK.advance(java.time.Duration.ofMinutes(5));
        try {
            JsonNode after = write("PATCH", account, "{\"city\": \"Paris\"}").result();
            assertThat(after.get("created_on")).isEqualTo(before.get("created_on"));
            assertThat(after.get("edited_on").asText()).isEqualTo("2025-02-20T10:05:00Z");
        } finally {
            CLOCK.advance(java.time.Duration.ofMinutes(-5));
        }
    }
}
