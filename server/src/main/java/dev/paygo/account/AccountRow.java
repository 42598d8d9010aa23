package dev.paygo.account;

import java.time.Instant;

/** One row of {@code accounts}. */
public record AccountRow(String id, String name, String billingCurrency, long billingCycleAnchorMs,
                         long createdAtMs) {

    static AccountRow of(Account account) {
        return new AccountRow(account.id(), account.name(), account.billingCurrency(),
                account.billingCycleAnchor().toEpochMilli(), account.createdOn().toEpochMilli());
    }

    Account toAccount() {
        return new Account(id, name, billingCurrency, Instant.ofEpochMilli(billingCycleAnchorMs),
                Instant.ofEpochMilli(createdAtMs));
    }
}
