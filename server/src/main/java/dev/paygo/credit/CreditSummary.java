package dev.paygo.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An account's credit as {@code billing.credits.get} of {@code cloudflare@7.3.0} types it. Amounts are in the
 * currency's minor unit ("cents": cents for USD, yen for JPY). Fields without a value are left out.
 */
public record CreditSummary(boolean hasRecord, boolean eligible, String currency, Long originalAmountCents,
                            Long confirmedBalanceCents, BigDecimal percentConsumed, Instant validFrom,
                            Instant validTo, Long daysRemaining, LocalDate projectedDepletionDate) {
}
