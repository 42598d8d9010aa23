package dev.paygo.idempotency;

import static dev.paygo.auth.PermissionGroup.BILLING_WRITE;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygo.account.NewAccount;
import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on POST and PATCH: a retried request gets its first answer again and creates nothing
 * twice; the same key with another request is refused; failures are not kept; stored answers reveal nothing.
 */
class IdempotencyIT {
    private static final MutableClock CLOCK = MutableClock.at("2025-02-20T10:00:00Z");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply createAccount(String key, String name) {
        return server.asOperator("POST", "/accounts").headers("Idempotency-Key", key)
                .json("{\"name\": \"" + name + "\"}").send();
    }

    private static long accountCount() {
        return server.asOperator("GET", "/accounts").send().json().at("/result_info/total_count").asLong();
    }

    @Test
    void aRetriedCreateGetsItsFirstAnswerAndCreatesOneAccount() {
        long before = accountCount();
        Reply first = createAccount("retry-1", "Once");
        Reply again = createAccount("retry-1", "Once");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.raw().body()).isEqualTo(first.raw().body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(accountCount()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing() {
        createAccount("reuse-1", "First");
        long before = accountCount();
        Reply other = createAccount("reuse-1", "Second");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.errorCode()).isEqualTo(1187);
        assertThat(other.header("X-Should-Retry")).isEqualTo("false");
        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void aFailedRequestIsNotKeptSoItsKeyServesTheCorrectedOne() {
        Reply bad = server.asOperator("POST", "/accounts").headers("Idempotency-Key", "fix-1").json("{\"name\": 7}").send();
        assertThat(bad.status()).isEqualTo(400);
        Reply badAgain = server.asOperator("POST", "/accounts").headers("Idempotency-Key", "fix-1").json("{\"name\": 7}").send();
        assertThat(badAgain.status()).isEqualTo(400);
        assertThat(badAgain.header("Idempotent-Replayed")).isNull();
        assertThat(createAccount("fix-1", "Fixed").status()).isEqualTo(201);
    }

    @Test
    void keysOfDifferentCredentialsNeverMeet() {
        String account = server.createAccount("Keys");
        String one = server.createToken(account, BILLING_WRITE);
        String two = server.createToken(account, BILLING_WRITE);
        String body = "{\"name\": \"n\", \"policies\": [{\"effect\": \"allow\", \"permission_groups\": [{\"id\": \""
                + BILLING_WRITE.id() + "\"}], \"resources\": {\"com.cloudflare.api.account." + account + "\": \"*\"}}]}";
        Reply a = server.http().call("POST", "/accounts/" + account + "/tokens").bearer(one)
                .headers("Idempotency-Key", "same").json(body).send();
        Reply b = server.http().call("POST", "/accounts/" + account + "/tokens").bearer(two)
                .headers("Idempotency-Key", "same").json(body).send();
        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(201);
        assertThat(a.result().get("id").asText()).isNotEqualTo(b.result().get("id").asText());
    }

    @Test
    void aReplayedTokenCarriesItsValueWhichTheDatabaseNeverHoldsInClear() {
        String account = server.createAccount("Secrets");
        String body = "{\"name\": \"ci\", \"policies\": [{\"effect\": \"allow\", \"permission_groups\": [{\"id\": \""
                + USAGE_WRITE.id() + "\"}], \"resources\": {\"com.cloudflare.api.account." + account + "\": \"*\"}}]}";
        String key = "token-" + account;
        Reply first = server.asOperator("POST", "/accounts/" + account + "/tokens").headers("Idempotency-Key", key)
                .json(body).send();
        Reply lostAnswerRetried = server.asOperator("POST", "/accounts/" + account + "/tokens")
                .headers("Idempotency-Key", key).json(body).send();
        String value = first.result().get("value").asText();
        assertThat(lostAnswerRetried.result().get("value").asText()).isEqualTo(value);
        assertThat(server.asOperator("GET", "/accounts/" + account + "/tokens").send().json()
                .at("/result_info/total_count").asLong()).isEqualTo(1);

        List<String> stored = server.server().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT scope || ' ' || key_hash || ' ' || fingerprint || ' ' || response_sealed FROM idempotency_keys")
                .mapTo(String.class).list());
        assertThat(stored).isNotEmpty();
        assertThat(String.join("\n", stored)).doesNotContain(value).doesNotContain(key);
    }

    @Test
    void retriedUsageGetsItsFirstCountsRatherThanDuplicates() {
        String account = server.createAccount("Usage");
        String writer = server.createToken(account, USAGE_WRITE);
        String events = "[{\"id\": \"e1\", \"metric\": \"workers.requests\", \"quantity\": 5, "
                + "\"timestamp\": \"2025-02-20T09:00:00Z\"}]";
        Reply first = server.http().call("POST", "/accounts/" + account + "/usage/events").bearer(writer)
                .headers("Idempotency-Key", "batch-1").json(events).send();
        Reply again = server.http().call("POST", "/accounts/" + account + "/usage/events").bearer(writer)
                .headers("Idempotency-Key", "batch-1").json(events).send();
        assertThat(first.result().get("accepted").asInt()).isEqualTo(1);
        assertThat(again.result().get("accepted").asInt()).isEqualTo(1);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        Reply unkeyed = server.http().call("POST", "/accounts/" + account + "/usage/events").bearer(writer).json(events).send();
        assertThat(unkeyed.result().get("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void aKeyIsForgottenAfterADay() {
        createAccount("day-1", "Monday");
        CLOCK.advance(Duration.ofHours(25));
        try {
            Reply reused = createAccount("day-1", "Tuesday");
            assertThat(reused.status()).isEqualTo(201);
            assertThat(reused.result().get("name").asText()).isEqualTo("Tuesday");
        } finally {
            CLOCK.advance(Duration.ofHours(-25));
        }
    }

    @Test
    void aMalformedKeyIsRefusedByName() {
        Reply reply = server.asOperator("POST", "/accounts").headers("Idempotency-Key", "x".repeat(300))
                .json("{\"name\": \"n\"}").send();
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/errors/0/message").asText()).contains("Idempotency-Key");
    }

    @Test
    void aRequestThatFailsAfterItsWritesLeavesNeitherTheWritesNorTheKey() throws Exception {
        IdempotencyService service = new IdempotencyService(server.server().database().jdbi(), CLOCK);
        long before = accountCount();
        byte[] request = "POST /accounts".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> service.execute("operator:test", "crash-1", request, IdempotencyService.Mode.IN_TRANSACTION,
                () -> {
                    server.server().accounts().create(new NewAccount("Half done", "USD", Optional.empty()));
                    throw new IllegalStateException("the process died here");
                })).hasMessageContaining("died");
        assertThat(accountCount()).isEqualTo(before);
        IdempotencyService.Outcome retried = service.execute("operator:test", "crash-1", request,
                IdempotencyService.Mode.IN_TRANSACTION, () -> new IdempotencyService.Answer(201, "{\"done\":true}"));
        assertThat(retried.replayed()).isFalse();
    }
}
