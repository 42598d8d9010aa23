package dev.paygo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.errors.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook your endpoint received from paygo, as the Standard Webhooks specification says: the
 * {@code webhook-signature} header must hold a {@code v1,} signature equal to the base64 HMAC-SHA256 of
 * {@code webhook-id + "." + webhook-timestamp + "." + body} under the endpoint's secret, and the timestamp must lie
 * within five minutes of now (an old message replayed is refused). Pass the body exactly as received.
 */
public final class Webhooks {
    /** How far a message's timestamp may lie from now. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";

    private Webhooks() {
    }

    /**
     * The event ({@code type}, {@code timestamp}, {@code data}) when the message is genuine.
     *
     * @param secret the endpoint's secret, {@code whsec_…}
     * @param headers the request's headers (names in any case)
     * @param body the request body, exactly as received
     * @throws WebhookVerificationException when a header is missing, the timestamp is too old or too new, or no
     *     signature matches
     */
    public static ObjectNode verify(String secret, Map<String, String> headers, String body) {
        return verify(secret, headers, body, Clock.systemUTC());
    }

    /** {@link #verify(String, Map, String)} with the clock that says what "now" is. */
    public static ObjectNode verify(String secret, Map<String, String> headers, String body, Clock clock) {
        Map<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        named.putAll(headers);
        String id = header(named, "webhook-id");
        String timestamp = header(named, "webhook-timestamp");
        String signatures = header(named, "webhook-signature");
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("webhook-timestamp is not a number of seconds: " + timestamp);
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw new WebhookVerificationException("webhook-timestamp " + seconds + " is more than "
                    + TOLERANCE.toMinutes() + " minutes from now");
        }
        byte[] expected = sign(secret, id + "." + timestamp + "." + body);
        for (String entry : signatures.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).toLowerCase(Locale.ROOT).equals("v1")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(entry.substring(comma + 1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return event(body);
                }
            }
        }
        throw new WebhookVerificationException("no v1 signature matches: wrong secret, or the body was changed");
    }

    private static String header(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException("the " + name + " header is missing");
        }
        return value.trim();
    }

    private static byte[] sign(String secret, String content) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a paygo webhook secret starts with " + PREFIX);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static ObjectNode event(String body) {
        try {
            JsonNode json = ClientCore.MAPPER.readTree(body);
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // fall through
        }
        throw new WebhookVerificationException("the signed body is not a JSON object");
    }
}
