package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/**
 * The server answered with an error status. Carries the status, the response headers and the envelope's
 * errors (Cloudflare's codes, such as 10000 or 1183). A subclass exists for each common status.
 */
public class PaygoServiceException extends PaygoException {
    private final int status;
    private final HttpHeaders headers;
    private final List<ApiError> errors;

    public PaygoServiceException(int status, HttpHeaders headers, List<ApiError> errors) {
        super("HTTP " + status + (errors.isEmpty() ? "" : ": " + errors));
        this.status = status;
        this.headers = headers;
        this.errors = List.copyOf(errors);
    }

    public int statusCode() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public List<ApiError> errors() {
        return errors;
    }

    /** The first error's code, or -1 when the envelope had none. */
    public int code() {
        return errors.isEmpty() ? -1 : errors.get(0).code();
    }

    /** The exception for a status: its subclass where there is one. */
    public static PaygoServiceException of(int status, HttpHeaders headers, List<ApiError> errors) {
        return switch (status) {
            case 400 -> new BadRequestException(headers, errors);
            case 401 -> new AuthenticationException(headers, errors);
            case 403 -> new PermissionDeniedException(headers, errors);
            case 404 -> new NotFoundException(headers, errors);
            case 409 -> new ConflictException(headers, errors);
            case 413 -> new PayloadTooLargeException(headers, errors);
            case 422 -> new UnprocessableEntityException(headers, errors);
            case 429 -> new RateLimitException(headers, errors);
            default -> status >= 500 ? new InternalServerException(status, headers, errors)
                    : new UnexpectedStatusCodeException(status, headers, errors);
        };
    }
}
