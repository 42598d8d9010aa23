package dev.paygo.auth;

/** A new user with the global API key, shown this once and never stored. */
public record CreatedUser(User user, String apiKey) {
}
