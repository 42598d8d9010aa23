package dev.paygo.account;

import java.time.Instant;
import java.util.Optional;

/** One row of {@code subscriptions}. */
public record SubscriptionRow(String id, String accountId, String plan, long startAtMs, long billingCycleAnchorMs,
                              Long endAtMs) {

    static SubscriptionRow of(Subscription s) {
        return new SubscriptionRow(s.id(), s.accountId(), s.plan(), s.start().toEpochMilli(),
                s.billingCycleAnchor().toEpochMilli(), s.end().map(Instant::toEpochMilli).orElse(null));
    }

    Subscription toSubscription() {
        return new Subscription(id, accountId, plan, Instant.ofEpochMilli(startAtMs),
                Instant.ofEpochMilli(billingCycleAnchorMs), Optional.ofNullable(endAtMs).map(Instant::ofEpochMilli));
    }
}
