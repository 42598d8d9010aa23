package dev.paygo.auth;

import java.time.Instant;

/** A user who authenticates with email and global API key. */
public record User(String id, String email, Instant createdOn) {
}
