package dev.paygo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygo.client.errors.WebhookVerificationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Webhooks#verify} against the Standard Webhooks specification's own example message. */
class WebhooksTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final Clock AT_SENDING = Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC);

    private static Map<String, String> headers(String signature) {
        return Map.of("Webhook-Id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp", "1614265330",
                "webhook-signature", signature);
    }

    @Test
    void theSpecificationsExampleIsGenuine() {
        assertThat(Webhooks.verify(SECRET, headers("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="), BODY, AT_SENDING)
                .get("test").asLong()).isEqualTo(2432232314L);
        // One of several signatures matching is enough (a secret being rotated).
        assertThat(Webhooks.verify(SECRET, headers("v1,Zm9v v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="), BODY,
                AT_SENDING)).isNotNull();
    }

    @Test
    void aChangedBodyAWrongSecretAnOldMessageOrAMissingHeaderIsRefused() {
        String good = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertThatThrownBy(() -> Webhooks.verify(SECRET, headers(good), "{\"test\": 2432232315}", AT_SENDING))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("no v1 signature");
        assertThatThrownBy(() -> Webhooks.verify("whsec_" + "A".repeat(32), headers(good), BODY, AT_SENDING))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> Webhooks.verify(SECRET, headers(good), BODY, Clock.offset(AT_SENDING,
                java.time.Duration.ofMinutes(6)))).isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> Webhooks.verify(SECRET, Map.of("webhook-id", "x"), BODY, AT_SENDING))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("webhook-timestamp");
        assertThatThrownBy(() -> Webhooks.verify(SECRET, headers("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
                BODY, AT_SENDING)).isInstanceOf(WebhookVerificationException.class);
    }
}
