package dev.paygo.credit;

import java.time.Instant;

/**
 * A grant on the wire, as the credit endpoints answer it and the credit webhooks carry it: {@code used} +
 * {@code remaining} = {@code amount}; {@code status} as of when it was written.
 */
record GrantView(String id, String accountId, String amount, String used, String remaining, String currency,
                 Instant validFrom, Instant validTo, String description, String status, Instant createdAt,
                 Instant expiredEarlyAt) {
    static GrantView of(CreditGrant g, CreditGrant.Status status) {
        return new GrantView(g.id(), g.accountId(), g.amount().toWire(), g.amount().minus(g.remaining()).toWire(),
                g.remaining().toWire(), g.amount().currencyCode(), g.validFrom(), g.validTo(), g.description(),
                status.wire(), g.createdAt(), g.expiredEarlyAt().orElse(null));
    }
}
