package dev.paygo.client.models;

/** Checks of params builders: a missing or bad value fails {@code build()} with a message naming it. */
final class Require {
    private Require() {
    }

    static String accountId(String params, String value) {
        present(params, "accountId", value);
        if (!value.matches("[0-9a-f]{32}")) {
            throw new IllegalStateException(params + ": accountId must be 32 lowercase hex characters, not '"
                    + value + "'");
        }
        return value;
    }

    static <T> T present(String params, String name, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalStateException(params + ": " + name + " is required");
        }
        return value;
    }
}
