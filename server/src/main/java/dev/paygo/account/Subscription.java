package dev.paygo.account;

import java.time.Instant;
import java.util.Optional;

/** An account's PayGo subscription; its id is 26 uppercase characters, as Cloudflare's are. */
public record Subscription(String id, String accountId, String plan, Instant start, Instant billingCycleAnchor,
                           Optional<Instant> end) {
}
