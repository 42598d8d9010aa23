package dev.paygo.client.errors;

import java.net.http.HttpHeaders;
import java.util.List;

/** The credential may not do this (403): code 10000 for a missing permission or an account out of scope, 9109 for an invalid token. */
public final class PermissionDeniedException extends PaygoServiceException {
    public PermissionDeniedException(HttpHeaders headers, List<ApiError> errors) {
        super(403, headers, errors);
    }
}
