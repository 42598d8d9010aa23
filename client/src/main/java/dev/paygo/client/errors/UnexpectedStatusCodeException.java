package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/** An error status without a subclass of its own. */
public final class UnexpectedStatusCodeException extends PaygoServiceException {
    public UnexpectedStatusCodeException(int status, HttpHeaders headers, List<ApiError> errors) {
        super(status, headers, errors);
    }
}
