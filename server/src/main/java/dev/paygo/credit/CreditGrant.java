package dev.paygo.credit;

import dev.paygo.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Credit the operator granted an account: {@code amount} in the account's currency, usable by invoices finalized
 * in {@code [validFrom, validTo)}, of which {@code remaining} is left. Expiring a grant early moves
 * {@code validTo} to that moment ({@code expiredEarlyAt}).
 */
public record CreditGrant(String id, String accountId, Money amount, Money remaining, Instant validFrom,
                          Instant validTo, String description, Instant createdAt, Optional<Instant> expiredEarlyAt) {

    /** Where a grant stands at an instant. */
    public enum Status {
        SCHEDULED, ACTIVE, USED, EXPIRED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static CreditGrant of(CreditRow row) {
        Currency currency = Currency.getInstance(row.currency());
        return new CreditGrant(row.id(), row.accountId(), Money.ofMinor(row.amountMinor(), currency),
                Money.ofMinor(row.remainingMinor(), currency), Instant.ofEpochMilli(row.validFromMs()),
                Instant.ofEpochMilli(row.validToMs()), row.description(), Instant.ofEpochMilli(row.createdAtMs()),
                Optional.ofNullable(row.expiredEarlyMs()).map(Instant::ofEpochMilli));
    }

    /** Whether an invoice finalized at {@code at} may use it (in force, something left). */
    public boolean usableAt(Instant at) {
        return status(at) == Status.ACTIVE;
    }

    /** In force at {@code at}: {@code validFrom <= at < validTo}. */
    public boolean inForceAt(Instant at) {
        return !validFrom.isAfter(at) && validTo.isAfter(at);
    }

    public Status status(Instant at) {
        if (!validTo.isAfter(at)) {
            return Status.EXPIRED;
        }
        if (validFrom.isAfter(at)) {
            return Status.SCHEDULED;
        }
        return remaining.amount().signum() == 0 ? Status.USED : Status.ACTIVE;
    }
}
