package dev.paygo.error;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the envelope's {@code errors} array: a Cloudflare code and message, with the JSON pointer of
 * the field at fault where there is one, and the nested {@code error_chain} where Cloudflare uses one.
 */
public final class ApiError {
    private final int code;
    private final String message;
    private final String pointer;
    private final List<ApiError> chain;

    private ApiError(int code, String message, String pointer, List<ApiError> chain) {
        this.code = code;
        this.message = Objects.requireNonNull(message);
        this.pointer = pointer;
        this.chain = List.copyOf(chain);
    }

    public static ApiError of(ErrorCode code) {
        return new ApiError(code.code(), code.message(), null, List.of());
    }

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.code(), message, null, List.of());
    }

    public static ApiError at(ErrorCode code, String message, String pointer) {
        return new ApiError(code.code(), message, pointer, List.of());
    }

    public static ApiError chained(ErrorCode code, ErrorCode cause) {
        return new ApiError(code.code(), code.message(), null, List.of(of(cause)));
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    public Optional<String> pointer() {
        return Optional.ofNullable(pointer);
    }

    public List<ApiError> chain() {
        return chain;
    }

    @Override
    public String toString() {
        return code + " " + message + (pointer == null ? "" : " at " + pointer);
    }
}
