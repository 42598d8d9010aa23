package dev.paygo.profile;

/** One row of {@code billing_profiles}. */
public record ProfileRow(String accountId, String id, String fieldsJson, String cardBrand, String cardLast4,
                         Integer cardExpiryMonth, Integer cardExpiryYear, long balanceMicros, long version, long createdAtMs,
                         long editedAtMs) {
}
