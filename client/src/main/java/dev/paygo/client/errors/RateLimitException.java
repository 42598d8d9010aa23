package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/** Too many requests (429); retried automatically, thrown when retries run out. */
public final class RateLimitException extends PaygoServiceException {
    public RateLimitException(HttpHeaders headers, List<ApiError> errors) {
        super(429, headers, errors);
    }
}
