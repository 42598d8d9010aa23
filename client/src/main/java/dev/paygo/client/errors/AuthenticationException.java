package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/** The credential was not accepted (401), e.g. by a token verify endpoint. */
public final class AuthenticationException extends PaygoServiceException {
    public AuthenticationException(HttpHeaders headers, List<ApiError> errors) {
        super(401, headers, errors);
    }
}
