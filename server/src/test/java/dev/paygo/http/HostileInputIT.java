package dev.paygo.http;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input an attacker or a broken client sends: every answer is a 4xx envelope in paygo's words, quickly, and
 * nothing is stored.
 */
class HostileInputIT {
    private static TestServer server;
    private static String account;
    private static String writer;
    private static String reader;
    private static String billing;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(MutableClock.at("2025-03-05T12:00:00Z")));
        account = server.createAccount("Hostile", "2025-03-01T00:00:00Z");
        writer = server.createToken(account, USAGE_WRITE);
        reader = server.createToken(account, BILLING_READ);
        billing = server.createToken(account, BILLING_WRITE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply ingest(byte[] body, String contentType) {
        return server.http().call("POST", "/accounts/" + account + "/usage/events").bearer(writer)
                .headers("Content-Type", contentType).body(body).send();
    }

    private static Reply ingest(String body) {
        return ingest(body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static String usage() {
        return server.http().call("GET", "/accounts/" + account + "/billing/usage/paygo?from=2025-03-01&to=2025-03-05")
                .bearer(reader).send().raw().body();
    }

    private static void assertRefused(Reply reply, String... inMessage) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(1183);
        String body = reply.raw().body();
        for (String expected : inMessage) {
            assertThat(body).contains(expected);
        }
        assertThat(body).doesNotContain("Source:").doesNotContain("REDACTED").doesNotContain("StreamReadConstraints")
                .doesNotContain("jackson").doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void ndjsonWithInvalidUtf8IdsIsRefusedRatherThanMergingTwoEvents() throws Exception {
        String before = usage();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int bad : new int[] {0xff, 0xfe}) {
            body.write("{\"id\": \"u8-".getBytes(StandardCharsets.UTF_8));
            body.write(bad);
            body.write(("\", \"metric\": \"workers.requests\", \"quantity\": 1, \"timestamp\": "
                    + "\"2025-03-05T10:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(ingest(body.toByteArray(), "application/x-ndjson"), "not valid UTF-8");
        assertThat(usage()).isEqualTo(before);
    }

    @Test
    void utf16Utf32AndByteOrderMarksAreRefusedInEveryFormat() {
        String events = "[{\"id\": \"w\", \"metric\": \"workers.requests\", \"quantity\": 1, \"timestamp\": "
                + "\"2025-03-05T10:00:00Z\"}]";
        assertRefused(ingest(events.getBytes(StandardCharsets.UTF_16LE), "application/json"), "UTF-16");
        assertRefused(ingest(events.getBytes(java.nio.charset.Charset.forName("UTF-32BE")), "application/json"));
        byte[] bom = ("\ufeff" + events).getBytes(StandardCharsets.UTF_8);
        assertRefused(ingest(bom, "application/json"), "byte-order mark");
        assertRefused(ingest(bom, "application/x-ndjson"));
        assertRefused(server.http().call("PATCH", "/accounts/" + account + "/billing/profile").bearer(billing)
                .headers("Content-Type", "application/json")
                .body("{\"city\": \"Porto\"}".getBytes(StandardCharsets.UTF_16)).send());
    }

    @Test
    void hugeOrForeignQuantityStringsAreRefusedQuicklyByName() {
        String before = usage();
        // Refused by its length before any parsing (200,000 digits took BigDecimal about a minute).
        String huge = "1" + "0".repeat(200_000);
        assertRefused(ingest("[{\"id\": \"q\", \"metric\": \"workers.requests\", \"quantity\": \"" + huge
                + "\", \"timestamp\": \"2025-03-05T10:00:00Z\"}]"), "/0/quantity", "at most 64 characters");
        for (String odd : new String[] {"٣", "+5", " 7 ", ".5", "5.", "1e3", "0x10", "1,5", "-0", "NaN", "Infinity", "１"}) {
            assertRefused(ingest("[{\"id\": \"q\", \"metric\": \"workers.requests\", \"quantity\": \"" + odd
                    + "\", \"timestamp\": \"2025-03-05T10:00:00Z\"}]"), "/0/quantity");
        }
        assertThat(usage()).isEqualTo(before);
    }

    @Test
    void strictTimestampsAreRequired() {
        for (String odd : new String[] {"2025-03-05T12:00Z", "2025-03-05T10:00:00+01", "2025-03-05T10:00:00.Z"}) {
            assertRefused(ingest("[{\"id\": \"t\", \"metric\": \"workers.requests\", \"quantity\": 1, \"timestamp\": \""
                    + odd + "\"}]"), "/0/timestamp");
        }
        // RFC 3339 sets no limit on the fraction's digits; the contract's validator stops at nanoseconds.
        Reply longFraction = server.http().call("POST", "/accounts/" + account + "/usage/events").bearer(writer)
                .json("[{\"id\": \"t\", \"metric\": \"workers.requests\", \"quantity\": 1, \"timestamp\": "
                        + "\"2025-03-05T10:00:00.123456789012Z\"}]").requestBeyondTheDocument().send();
        assertThat(longFraction.status()).isEqualTo(200);
    }

    @Test
    void datesBeyondAnyBillingPeriodAreA400() {
        Reply reply = server.http().call("GET", "/accounts/" + account
                + "/billing/usage/paygo?from=%2B999999999-12-31&to=%2B999999999-12-31").bearer(reader).send();
        assertRefused(reply, "query parameter 'from'");
    }

    @Test
    void gzipWithQualityZeroIsNotSent() {
        Reply plain = server.http().call("GET", "/accounts/" + account + "/billing/usage/paygo")
                .bearer(reader).headers("Accept-Encoding", "gzip;q=0").send();
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.json().get("success").asBoolean()).isTrue();
    }

    @Test
    void parserErrorsAreToldInPaygosWords() {
        assertRefused(ingest("[" + "[".repeat(200) + "]".repeat(200) + "]"), "nested more than 64 levels");
        assertRefused(server.http().call("PATCH", "/accounts/" + account + "/billing/profile").bearer(billing)
                .json("{\"city\": \"a\", \"city\": \"b\"}").send(), "appears twice");
        assertRefused(ingest("[{\"id\": \"x\""), "ends before the JSON is complete");
        assertRefused(ingest("[1] [2]"));
    }

    @Test
    void fullWidthDigitsAreNotACardNumber() {
        Reply reply = server.http().call("PATCH", "/accounts/" + account + "/billing/profile").bearer(billing)
                .json("{\"card_number\": \"４２４２４２４２４２４２４２４２\", \"card_expiry_month\": 1, \"card_expiry_year\": 2099}")
                .send();
        assertRefused(reply, "/card_number");
    }
}
