package dev.paygo.auth;

/** A newly created token with its secret value, which is shown this once and never stored. */
public record CreatedToken(ApiToken token, String value) {
}
