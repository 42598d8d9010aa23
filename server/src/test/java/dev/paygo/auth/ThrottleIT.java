package dev.paygo.auth;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.MutableClock;
import dev.paygo.testing.RawHttp;
import dev.paygo.testing.RawHttp.Answer;
import dev.paygo.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Guessing credentials is slow: failed authentications are limited per client address and per email. */
class ThrottleIT {
    private static Answer profile(TestServer server, String fromAddress, String account, String credentialHeaders) {
        try (RawHttp http = new RawHttp(server.server().port(), fromAddress)) {
            return http.exchange("GET /client/v4/accounts/" + account + "/billing/profile HTTP/1.1\r\nHost: x\r\n"
                    + credentialHeaders + "Connection: close\r\n\r\n");
        }
    }

    @Test
    void anAddressThatKeepsFailingIsAnswered429EvenWithAGoodTokenUntilItWaits() {
        MutableClock clock = MutableClock.at("2025-02-20T10:00:00Z");
        try (TestServer server = TestServer.start(c -> c.withClock(clock).withAuthFailuresPerMinute(10))) {
            String account = server.createAccount("Throttled");
            String good = server.createToken(account, BILLING_READ);
            for (int i = 0; i < 10; i++) {
                assertThat(profile(server, "127.0.0.9", account, "Authorization: Bearer " + "x".repeat(39) + i + "\r\n")
                        .status()).isEqualTo(403);
            }
            Answer limited = profile(server, "127.0.0.9", account, "Authorization: Bearer " + "y".repeat(40) + "\r\n");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.body()).contains("\"code\":971");
            assertThat(limited.headers().get("retry-after")).isNotNull();
            assertThat(profile(server, "127.0.0.9", account, "Authorization: Bearer " + good + "\r\n").status())
                    .isEqualTo(429);
            // Another client is not affected, and the address may try again once its bucket has refilled.
            assertThat(profile(server, "127.0.0.10", account, "Authorization: Bearer " + good + "\r\n").status())
                    .isEqualTo(200);
            clock.advance(Duration.ofSeconds(30));
            assertThat(profile(server, "127.0.0.9", account, "Authorization: Bearer " + good + "\r\n").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void guessingOneUsersKeyFromManyAddressesIsLimitedPerEmail() {
        MutableClock clock = MutableClock.at("2025-02-20T10:00:00Z");
        try (TestServer server = TestServer.start(c -> c.withClock(clock).withAuthFailuresPerMinute(10))) {
            String account = server.createAccount("Victim");
            server.asOperator("POST", "/users").json("{\"email\": \"victim@example.com\"}").send();
            int refused = 0;
            for (int i = 0; i < 20; i++) {
                Answer answer = profile(server, "127.0.1." + (i + 1), account,
                        "X-Auth-Email: victim@example.com\r\nX-Auth-Key: " + "%037x".formatted(i) + "\r\n");
                assertThat(answer.status()).isIn(403, 429);
                refused += answer.status() == 429 ? 1 : 0;
            }
            assertThat(refused).isEqualTo(10);
        }
    }
}
