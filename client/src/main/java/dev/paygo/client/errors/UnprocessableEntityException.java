package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/** The server understood the request but cannot process it (422). */
public final class UnprocessableEntityException extends PaygoServiceException {
    public UnprocessableEntityException(HttpHeaders headers, List<ApiError> errors) {
        super(422, headers, errors);
    }
}
