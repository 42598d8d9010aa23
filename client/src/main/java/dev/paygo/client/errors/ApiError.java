package dev.paygo.client.errors;

import java.util.Optional;

/** One entry of a Cloudflare envelope's {@code errors}: a code, a message and, maybe, the field at fault. */
public final class ApiError {
    private final int code;
    private final String message;
    private final String pointer;

    public ApiError(int code, String message, String pointer) {
        this.code = code;
        this.message = message == null ? "" : message;
        this.pointer = pointer;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The JSON pointer of the request field at fault ({@code source.pointer}), when the server gave one. */
    public Optional<String> pointer() {
        return Optional.ofNullable(pointer);
    }

    @Override
    public String toString() {
        return code + " " + message + (pointer == null ? "" : " (" + pointer + ")");
    }
}
