package dev.paygo.http;

import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every client sees at the edge: envelopes for every failure, never a 500 for bad input. */
class HttpEdgeIT {
    private static TestServer server;
    private static String account;
    private static String writer;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withMaxBodyBytes(4096));
        account = server.createAccount("Edge");
        writer = server.createToken(account, BILLING_WRITE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Reply patchProfile(byte[] body) {
        return server.http().call("PATCH", "/accounts/" + account + "/billing/profile").bearer(writer)
                .headers("Content-Type", "application/json").body(body).send();
    }

    private static void assertEnvelopeError(Reply reply, int status, int code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("success", "errors", "messages", "result");
        assertThat(reply.json().get("success").asBoolean()).isFalse();
        assertThat(reply.errorCode()).isEqualTo(code);
        assertThat(reply.raw().body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownRouteGets404With7003() {
        Reply reply = server.http().get("/no/such/route");
        assertEnvelopeError(reply, 404, 7003);
        assertThat(reply.json().at("/errors/0/message").asText()).isEqualTo("No route for the URI");
    }

    @Test
    void pathOutsideTheApiBaseGets404Envelope() {
        assertEnvelopeError(new dev.paygo.testing.Http(server.baseUrl().replace("/client/v4", "")).get("/nope"),
                404, 7003);
    }

    @Test
    void wrongMethodGets405Envelope() {
        Reply reply = server.http().call("DELETE", "/accounts/" + account + "/billing/usage/paygo").bearer(writer).send();
        assertEnvelopeError(reply, 405, 7001);
    }

    @Test
    void malformedJsonGets400NamingWhereItBroke() {
        Reply reply = patchProfile("{\"company\": \"x\",}".getBytes(StandardCharsets.UTF_8));
        assertEnvelopeError(reply, 400, 1183);
        assertThat(reply.json().at("/errors/0/message").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void duplicateKeysTrailingGarbageAndNonObjectsAreRefused() {
        assertEnvelopeError(patchProfile("{\"city\": \"a\", \"city\": \"b\"}".getBytes(StandardCharsets.UTF_8)),
                400, 1183);
        assertEnvelopeError(patchProfile("{\"city\": \"a\"} {}".getBytes(StandardCharsets.UTF_8)), 400, 1183);
        assertEnvelopeError(patchProfile("[1, 2]".getBytes(StandardCharsets.UTF_8)), 400, 1183);
        assertEnvelopeError(patchProfile("\"text\"".getBytes(StandardCharsets.UTF_8)), 400, 1183);
        assertEnvelopeError(patchProfile(new byte[0]), 400, 1183);
        assertEnvelopeError(patchProfile(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}), 400, 1183);
    }

    @Test
    void oversizeBodyGets413AndChangesNothing() {
        String before = server.asOperator("GET", "/accounts/" + account + "/billing/profile").send().raw().body();
        String big = "{\"company\": \"" + "a".repeat(5000) + "\"}";
        assertEnvelopeError(patchProfile(big.getBytes(StandardCharsets.UTF_8)), 413, 1184);
        assertThat(server.asOperator("GET", "/accounts/" + account + "/billing/profile").send().raw().body())
                .isEqualTo(before);
    }

    @Test
    void deeplyNestedJsonIsRefusedWithout500() {
        String deep = "{\"company\": " + "[".repeat(500) + "]".repeat(500) + "}";
        assertEnvelopeError(patchProfile(deep.getBytes(StandardCharsets.UTF_8)), 400, 1183);
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesAWellFormedOne() {
        Reply generated = server.http().get("/no/such/route");
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f]{32}");
        Reply echoed = server.http().get("/no/such/route", "X-Request-Id", "client-42");
        assertThat(echoed.header("X-Request-Id")).isEqualTo("client-42");
        Reply replaced = server.http().get("/no/such/route", "X-Request-Id", "bad id with spaces");
        assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void healthReadinessAndMetricsAreServed() {
        dev.paygo.testing.Http root = new dev.paygo.testing.Http(server.baseUrl().replace("/client/v4", ""));
        Reply health = root.get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.result().get("status").asText()).isEqualTo("ok");
        Reply ready = root.get("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.result().get("status").asText()).isEqualTo("ready");
        Reply metrics = root.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.raw().body()).contains("paygo_http_requests_seconds_count").contains("jvm_memory_used_bytes");
    }

    @Test
    void successfulResponsesHaveAllFourEnvelopeKeys() {
        Reply reply = server.asOperator("GET", "/accounts/" + account).send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().get("success").asBoolean()).isTrue();
        assertThat(reply.json().get("errors").size()).isZero();
        assertThat(reply.json().get("messages").size()).isZero();
        assertThat(reply.result().get("id").asText()).isEqualTo(account);
    }
}
