package dev.paygo.error;

import java.util.List;
import java.util.Map;

/**
 * The one domain exception of paygo. Services throw it; the HTTP edge turns it into Cloudflare's envelope
 * with {@link #status()} as the HTTP status, and the CLI prints its messages.
 */
public final class PaygoException extends RuntimeException {
    private final int status;
    private final List<ApiError> errors;
    private final Map<String, String> headers;

    public PaygoException(int status, List<ApiError> errors, Map<String, String> headers) {
        super(errors.isEmpty() ? "HTTP " + status : errors.get(0).toString(), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public PaygoException(ErrorCode code) {
        this(code.status(), List.of(ApiError.of(code)), Map.of());
    }

    public PaygoException(ErrorCode code, String message) {
        this(code.status(), List.of(ApiError.of(code, message)), Map.of());
    }

    /** 403 / 10000: valid credential without the permission, or an account outside its scope. */
    public static PaygoException forbidden() {
        return new PaygoException(ErrorCode.AUTHENTICATION_ERROR);
    }

    /** 404 / 7003 for an object identifier that names nothing (only said to callers allowed to know). */
    public static PaygoException notFound(String path) {
        return new PaygoException(ErrorCode.NOT_FOUND,
                "Could not route to " + path + ", perhaps your object identifier is invalid?");
    }

    /** 400 / 1183 for one bad parameter, named by its JSON pointer (or query parameter name). */
    public static PaygoException invalid(String pointer, String why) {
        return Problems.single(pointer, why);
    }

    public int status() {
        return status;
    }

    public List<ApiError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
