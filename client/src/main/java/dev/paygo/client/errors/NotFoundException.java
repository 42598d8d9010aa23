package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/** No such route or object (404). */
public final class NotFoundException extends PaygoServiceException {
    public NotFoundException(HttpHeaders headers, List<ApiError> errors) {
        super(404, headers, errors);
    }
}
