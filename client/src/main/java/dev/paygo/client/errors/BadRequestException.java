package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/** The request was invalid (400): see errors() for each field at fault. */
public final class BadRequestException extends PaygoServiceException {
    public BadRequestException(HttpHeaders headers, List<ApiError> errors) {
        super(400, headers, errors);
    }
}
