package dev.paygo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.RawHttp;
import dev.paygo.testing.TestBackend;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A server with a 256 MB heap under the attack that used to exhaust it: 60 connections each declaring a 10 MiB
 * body and sending one byte (the old reader allocated what Content-Length claimed), then many large ingestion
 * bodies at once. The server stays up, keeps answering, answers the overflow with 503 and Retry-After, never
 * with a 500, and never runs out of memory.
 */
class ResourceExhaustionIT {
    private static final String USAGE_WRITE = "09181cd7b2355e7f254fd16cbc8293c3";

    @Test
    void declaredAndRealBodyFloodsNeitherExhaustNorStopTheServer() throws Exception {
        try (TestBackend backend = TestBackend.create()) {
            Path log = Suite.tempFile("paygo-exhaustion", ".log");
            try (PaygoProcess paygo = PaygoProcess.start(backend.jdbcUrl(), log, "256m", Map.of(), "--rate-limit", "0",
                    "--max-inflight-body-bytes", String.valueOf(24 * 1024 * 1024))) {
                String account = Api.createAccount(paygo.baseUrl(), "Exhaustion");
                String writer = Api.createToken(paygo.baseUrl(), account, USAGE_WRITE).get("value").asText();
                String path = "/client/v4/accounts/" + account + "/usage/events";

                List<Socket> slow = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), paygo.port());
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + writer
                            + "\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n[")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    slow.add(socket);
                }
                assertThat(Api.call(paygo.baseUrl(), "GET", "/accounts/" + account, PaygoProcess.OPERATOR_TOKEN, null)
                        .status()).isEqualTo(200);

                Map<Integer, Integer> statuses = new TreeMap<>();
                ExecutorService pool = Executors.newFixedThreadPool(24);
                List<Future<java.util.Optional<RawHttp.Answer>>> floods = new ArrayList<>();
                for (int t = 0; t < 48; t++) {
                    String body = batch(t);
                    floods.add(pool.submit(() -> {
                        try (RawHttp http = new RawHttp(paygo.port())) {
                            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                            // A body over the in-flight budget is answered 503 before it is read, and the connection
                            // closed: the rest of the upload may fail to send (a broken pipe), and the answer, which
                            // the reset may discard, is then missing. Neither is the server failing.
                            return http.exchangeLeniently(("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                                    + "Bearer " + writer + "\r\nContent-Type: application/json\r\nContent-Length: "
                                    + bytes.length + "\r\nConnection: close\r\n\r\n" + body)
                                    .getBytes(StandardCharsets.UTF_8), false);
                        }
                    }));
                }
                int cut = 0;
                for (Future<java.util.Optional<RawHttp.Answer>> flood : floods) {
                    java.util.Optional<RawHttp.Answer> answered = flood.get();
                    if (answered.isEmpty()) {
                        cut++;
                        continue;
                    }
                    RawHttp.Answer answer = answered.get();
                    statuses.merge(answer.status(), 1, Integer::sum);
                    assertThat(answer.status()).as(answer.body()).isIn(200, 503);
                    if (answer.status() == 503) {
                        assertThat(answer.headers().get("retry-after")).isEqualTo("1");
                    }
                }
                pool.shutdown();
                for (Socket socket : slow) {
                    socket.close();
                }
                assertThat(statuses.getOrDefault(200, 0)).as("some floods are stored: " + statuses + ", " + cut
                        + " cut").isPositive();
                assertThat(paygo.isAlive()).isTrue();
                assertThat(Api.call(paygo.baseUrl(), "GET", "/accounts/" + account, PaygoProcess.OPERATOR_TOKEN, null)
                        .status()).isEqualTo(200);
                assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
                Suite.record("resource-exhaustion", "heap=256m slow-connections=60x10MiB-declared concurrent-bodies=48x"
                        + body(0).length() / 1024 + "KiB statuses=" + statuses + " cut-before-answer=" + cut + " alive=true");
            }
        }
    }

    private static String body(int t) {
        return batch(t);
    }

    /** 10,000 events (about 1.2 MB of JSON), the most one request may carry. */
    private static String batch(int t) {
        StringJoiner events = new StringJoiner(",", "[", "]");
        String timestamp = Instant.now().minusSeconds(5).toString();
        for (int i = 0; i < 10_000; i++) {
            events.add("{\"id\": \"flood-" + t + "-" + i + "\", \"metric\": \"workers.requests\", \"quantity\": 1, "
                    + "\"timestamp\": \"" + timestamp + "\"}");
        }
        return events.toString();
    }
}
