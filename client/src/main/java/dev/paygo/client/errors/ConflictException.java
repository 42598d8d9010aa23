package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/** The object exists already (409). */
public final class ConflictException extends PaygoServiceException {
    public ConflictException(HttpHeaders headers, List<ApiError> errors) {
        super(409, headers, errors);
    }
}
