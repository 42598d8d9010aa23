package dev.paygo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.notify.WebhookSettings;
import dev.paygo.testing.Contract;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.RawHttp;
import dev.paygo.testing.TestServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * HTTP fuzzing from the route table: every route, every method, hostile paths, queries, headers and bodies
 * (mutations of each route's valid request). Whatever is sent, the answer is never a 5xx, always Cloudflare's
 * envelope with numeric codes, never a stack trace or a library's text, and a refused request changes nothing
 * stored. Seeded and repeatable ({@code -Dpaygo.reliability.seed}); short mode sends 5,000 requests, long mode
 * 100,000.
 */
class FuzzIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Words of stack traces and libraries that an error answer must never carry. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "java.", "jackson", "Jackson", "jetty",
            "Jetty", "javalin", "Javalin", "<html", "REDACTED", "org.", "SQLITE_", "SQLState", "PSQL", "Caused by",
            "Hikari", "jdbi", "JDBI");

    @Test
    void noRequestGetsA5xxALeakOrAChangeWhenRefused() throws Exception {
        int requests = Suite.pick(5_000, 100_000);
        long seed = Suite.seed(42);
        try (TestServer server = TestServer.start(c -> c.withClock(MutableClock.at("2025-03-05T12:00:00Z"))
                .withMaxBodyBytes(64 * 1024).withMaxBatchEvents(200)
                .withWebhooks(WebhookSettings.DEFAULT.withAllowPrivate(true)))) {
            Fuzzer fuzzer = new Fuzzer(server, new Random(seed));
            String state = StateFingerprint.of(server.server().database().jdbi());
            Map<Integer, Integer> statuses = new TreeMap<>();
            int unanswered = 0;
            List<String> dropped = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Fuzzer.Request request = fuzzer.next();
                Optional<RawHttp.Answer> answer = send(server, request);
                if (answer.isEmpty() && request.oversized()) {
                    unanswered++;  // only an oversized body may have its connection cut before the answer is read
                    continue;
                }
                if (answer.isEmpty()) {
                    // Loopback dropped a connection once in CI (a GET answered at once on every rerun): the same
                    // request on a new connection must be answered, and such drops stay rare and are reported.
                    String first = lastFailure;
                    answer = send(server, request);
                    assertThat(answer).as("no answer to " + request.describe() + ", twice: " + first + "; "
                            + lastFailure).isPresent();
                    dropped.add(first);
                    assertThat(dropped).as("connections dropped without an answer").hasSizeLessThanOrEqualTo(
                            requests / 1000);
                }
                RawHttp.Answer a = answer.get();
                statuses.merge(a.status(), 1, Integer::sum);
                String context = "request #" + i + " (seed " + seed + "): " + request.describe() + "\nanswer: " + a.status()
                        + " " + a.body();
                assertThat(a.status()).as(context).isBetween(200, 499);
                checkEnvelope(a, request, context);
                String after = StateFingerprint.of(server.server().database().jdbi());
                if (a.status() >= 300 || request.method().equals("GET") || request.method().equals("HEAD")) {
                    assertThat(after).as("state changed by " + context).isEqualTo(state);
                }
                state = after;
            }
            Suite.record("fuzz", "requests=" + requests + " seed=" + seed + " routes=" + server.server().routes().size()
                    + " statuses=" + statuses + " unanswered-oversized=" + unanswered + " dropped-then-answered="
                    + dropped.size() + (dropped.isEmpty() ? "" : " " + dropped));
        }
    }

    private String lastFailure = "";

    /** Sends the request on a new connection; empty, with {@link #lastFailure} saying why, when nothing came back. */
    private Optional<RawHttp.Answer> send(TestServer server, Fuzzer.Request request) {
        try (RawHttp http = new RawHttp(server.server().port())) {
            Optional<RawHttp.Answer> answer = http.exchangeLeniently(request.bytes(), request.method().equals("HEAD"));
            lastFailure = http.whyNoAnswer();
            return answer;
        }
    }

    /** What the answer breaks of the OpenAPI document, for a request whose path reads as a URI. */
    private static Optional<List<String>> contractViolations(RawHttp.Answer a, Fuzzer.Request request) {
        URI url;
        try {
            url = URI.create("http://127.0.0.1" + request.path());
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();  // a mutated path no client could send as a URI; the envelope checks still apply
        }
        return Optional.of(Contract.get().violations(request.method(), url, a.status(),
                a.headers().get("content-type"), a.headers().get("content-encoding"), a.body()));
    }

    private static void checkEnvelope(RawHttp.Answer a, Fuzzer.Request request, String context) throws Exception {
        if (a.status() >= 300) {
            for (String leak : LEAKS) {
                assertThat(a.body()).as(context).doesNotContain(leak);
            }
        }
        if (request.method().equals("HEAD") || (request.path().startsWith("/metrics") && a.status() == 200)) {
            return;
        }
        contractViolations(a, request).ifPresent(v -> assertThat(v).as(context).isEmpty());
        if (request.path().startsWith("/client/v4/openapi.") && a.status() == 200) {
            return;  // the OpenAPI document itself, JSON or YAML: checked against its own operation above
        }
        if (request.path().contains("/billable/usage/export") && a.status() == 200) {
            // An export answers with its file, CSV or Parquet, not an envelope.
            assertThat(a.headers().get("content-type")).as(context).matches("text/csv.*|application/vnd.apache.parquet");
            return;
        }
        assertThat(a.headers().get("content-type")).as(context).startsWith("application/json");
        JsonNode json = MAPPER.readTree(a.body());
        assertThat(json.isObject()).as(context).isTrue();
        assertThat(json.has("success") && json.has("errors") && json.has("messages") && json.has("result")).as(context)
                .isTrue();
        assertThat(json.get("success").asBoolean()).as(context).isEqualTo(a.status() < 300);
        if (a.status() >= 300) {
            assertThat(json.get("errors").size()).as(context).isPositive();
            for (JsonNode error : json.get("errors")) {
                assertThat(error.get("code").isIntegralNumber()).as(context).isTrue();
                assertThat(error.get("message").isTextual()).as(context).isTrue();
            }
        }
    }
}
