package dev.paygo.auth;

/** One row of {@code api_tokens}; {@code createdBy} is the creating credential's key (null for old rows). */
public record TokenRow(String id, String accountId, String name, String valueHash, String policiesJson,
                       long issuedAtMs, long modifiedAtMs, Long notBeforeMs, Long expiresAtMs, Long revokedAtMs,
                       String createdBy) {
}
