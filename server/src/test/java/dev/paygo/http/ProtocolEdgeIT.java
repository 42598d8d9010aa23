package dev.paygo.http;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.testing.RawHttp;
import dev.paygo.testing.RawHttp.Answer;
import dev.paygo.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Requests that Jetty itself refuses before paygo's routes see them, and credentials on kept-alive
 * connections: every answer is Cloudflare's envelope, never Jetty's HTML page.
 */
class ProtocolEdgeIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static TestServer server;
    private static String account;
    private static String token;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        account = server.createAccount("Protocol");
        token = server.createToken(account, BILLING_READ);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Answer send(String request) {
        try (RawHttp http = new RawHttp(server.server().port())) {
            return http.exchange(request);
        }
    }

    private static void assertEnvelope(Answer answer, int status, int code) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        JsonNode json = MAPPER.readTree(answer.body());
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.at("/errors/0/code").asInt()).isEqualTo(code);
        assertThat(json.has("messages")).isTrue();
        assertThat(json.get("result").isNull()).isTrue();
        assertThat(answer.body()).doesNotContain("<html").doesNotContain("Jetty").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/client/v4/accounts/%ZZ", "/client/v4/%00/x", "/client/v4/accounts/%zz/billing/profile",
        "/client/v4/a%2F..%2F..%2Fb"})
    void badPercentEncodingGetsTheEnvelope(String path) throws Exception {
        assertEnvelope(send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400, 10400);
    }

    @Test
    void missingHostGetsTheEnvelope() throws Exception {
        assertEnvelope(send("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, 10400);
    }

    @Test
    void conflictingAndMalformedContentLengthsGetTheEnvelope() throws Exception {
        assertEnvelope(send("POST /client/v4/accounts HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                + "Content-Length: 3\r\nConnection: close\r\n\r\n{}"), 400, 10400);
        assertEnvelope(send("POST /client/v4/accounts HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n"
                + "Connection: close\r\n\r\n"), 400, 10400);
        assertEnvelope(send("POST /client/v4/accounts HTTP/1.1\r\nHost: x\r\nContent-Length: 1e3\r\n"
                + "Connection: close\r\n\r\n"), 400, 10400);
    }

    @Test
    void oversizeHeadersAndUrisGetTheEnvelope() throws Exception {
        assertEnvelope(send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), 431, 10431);
        assertEnvelope(send("GET /healthz?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                414, 10414);
    }

    @Test
    void unknownProtocolVersionGetsTheEnvelope() throws Exception {
        Answer answer = send("GET /healthz HTTP/7.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isBetween(400, 505);
        assertEnvelope(answer, answer.status(), 10_000 + answer.status());
    }

    @Test
    void aTokenWithItsCaseSwappedIsRefusedOnAKeptAliveConnection() throws Exception {
        String swapped = swapCase(token);
        try (RawHttp http = new RawHttp(server.server().port())) {
            String path = "/client/v4/accounts/" + account + "/billing/profile";
            Answer first = http.exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n");
            assertThat(first.status()).isEqualTo(200);
            Answer second = http.exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + swapped
                    + "\r\n\r\n");
            assertEnvelope(second, 403, 9109);
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAlsoOnAKeptAliveConnection() throws Exception {
        try (RawHttp http = new RawHttp(server.server().port())) {
            String path = "/client/v4/accounts/" + account + "/billing/profile";
            for (String scheme : new String[] {"bearer", "Bearer", "BEARER", "bEaReR"}) {
                Answer answer = http.exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + scheme + " "
                        + token + "\r\n\r\n");
                assertThat(answer.status()).as(scheme).isEqualTo(200);
            }
        }
    }

    @Test
    void aMethodOverrideHeaderIsRefusedRatherThanRoutedBy() throws Exception {
        Answer answer = send("GET /client/v4/accounts/" + account + "/tokens/x HTTP/1.1\r\nHost: x\r\n"
                + "X-HTTP-Method-Override: DELETE\r\nAuthorization: Bearer " + TestServer.OPERATOR_TOKEN
                + "\r\nConnection: close\r\n\r\n");
        assertEnvelope(answer, 400, 6003);
    }

    private static String swapCase(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }
}
