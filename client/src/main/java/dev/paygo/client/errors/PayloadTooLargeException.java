package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/** The request body or batch was larger than the server accepts (413). */
public final class PayloadTooLargeException extends PaygoServiceException {
    public PayloadTooLargeException(HttpHeaders headers, List<ApiError> errors) {
        super(413, headers, errors);
    }
}
