package dev.paygo.console;

/**
 * One row of {@code console_sessions}: the SHA-256 of the session cookie, the hash of the credential it was opened
 * with, its CSRF token, and times in epoch milliseconds.
 */
public record SessionRow(String idHash, String credentialHash, String csrf, long createdAtMs, long expiresAtMs) {
}
