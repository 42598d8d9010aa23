package dev.paygo.invoice;

/** One row of {@code subscription_fees}: a plan fee an account holds from {@code startDay} to {@code endDay}. */
public record FeeRow(String accountId, String feeId, String startDay, String endDay, long createdAtMs) {
}
