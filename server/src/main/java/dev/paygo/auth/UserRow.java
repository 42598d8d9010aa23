package dev.paygo.auth;

import java.time.Instant;

/** One row of {@code users}. */
public record UserRow(String id, String email, String apiKeyHash, long createdAtMs) {
    User toUser() {
        return new User(id, email, Instant.ofEpochMilli(createdAtMs));
    }
}
