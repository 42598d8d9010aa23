package dev.paygo.error;

/**
 * Every error paygo answers with: the HTTP status, the Cloudflare error code and its standard message.
 * Codes below 10000 that Cloudflare documents are used with Cloudflare's meaning; the few paygo adds are
 * listed in docs/api.md.
 */
public enum ErrorCode {
    MISSING_CREDENTIALS(400, 9106, "Missing X-Auth-Key, X-Auth-Email or Authorization headers"),
    INVALID_HEADERS(400, 6003, "Invalid request headers"),
    INVALID_AUTHORIZATION_FORMAT(400, 6111, "Invalid format for Authorization header"),
    INVALID_AUTH_KEY_FORMAT(400, 6103, "Invalid format for X-Auth-Key header"),
    INVALID_AUTH_EMAIL_FORMAT(400, 6102, "Invalid format for X-Auth-Email header"),
    INVALID_PARAMETERS(400, 1183, "Invalid request parameters"),
    INVALID_API_TOKEN(401, 1000, "Invalid API Token"),
    INVALID_ACCESS_TOKEN(403, 9109, "Invalid access token"),
    UNKNOWN_AUTH_KEY(403, 9103, "Unknown X-Auth-Key or X-Auth-Email"),
    AUTHENTICATION_ERROR(403, 10000, "Authentication error"),
    NOT_FOUND(404, 7003, "No route for the URI"),
    METHOD_NOT_ALLOWED(405, 7001, "Method not allowed"),
    CONFLICT(409, 1185, "Conflict"),
    IDEMPOTENCY_IN_PROGRESS(409, 1188, "A request with this Idempotency-Key is still in progress: retry shortly"),
    IDEMPOTENCY_KEY_REUSED(422, 1187, "This Idempotency-Key was used with a different request: use a new key "
            + "for a new request"),
    BODY_TOO_LARGE(413, 1184, "Request body too large"),
    RATE_LIMITED(429, 971, "Please wait and consider throttling your request speed"),
    INTERNAL(500, 10001, "Internal server error"),
    NOT_READY(503, 10503, "Service not ready");

    private final int status;
    private final int code;
    private final String message;

    ErrorCode(int status, int code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }
}
