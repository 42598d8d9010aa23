package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/** The server failed (5xx); retried automatically, thrown when retries run out. */
public final class InternalServerException extends PaygoServiceException {
    public InternalServerException(int status, HttpHeaders headers, List<ApiError> errors) {
        super(status, headers, errors);
    }
}
