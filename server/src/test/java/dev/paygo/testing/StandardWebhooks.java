package dev.paygo.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A verifier written from the Standard Webhooks specification alone, sharing no code with paygo's signing: the
 * receiver's side of the contract. {@code webhook-signature} is a space-separated list of {@code v1,<base64>}
 * entries; a message is genuine when one of them equals HMAC-SHA256 over {@code id.timestamp.body} under the key
 * base64-decoded from the secret after {@code whsec_}, and its timestamp lies within five minutes of now.
 */
public final class StandardWebhooks {
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooks() {
    }

    /** Why the message is not genuine, or empty text when it is. */
    public static String problem(String secret, Map<String, String> headers, String body, Instant now) {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return "a webhook-id, webhook-timestamp or webhook-signature header is missing: " + headers.keySet();
        }
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return "the timestamp " + seconds + " is more than 5 minutes from " + now;
        }
        try {
            if (!secret.startsWith("whsec_")) {
                return "the secret does not start with whsec_";
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String entry : signatures.split(" ")) {
                String[] parts = entry.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return "";
                }
            }
            return "no v1 signature matches";
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return "cannot verify: " + e;
        }
    }
}
