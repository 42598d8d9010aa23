package dev.paygo.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem of one request so that a client learns all of them at once, each with the JSON
 * pointer of its field, then fails with 400 / 1183. Not thread-safe: one per request.
 */
public final class Problems {
    private final List<ApiError> errors = new ArrayList<>();

    public static PaygoException single(String pointer, String why) {
        Problems problems = new Problems();
        problems.add(pointer, why);
        return problems.toException();
    }

    /** A problem with a body field, named by its JSON pointer ({@code ""} for the whole body). */
    public void add(String pointer, String why) {
        String where = pointer.isEmpty() ? "the body" : pointer;
        errors.add(ApiError.at(ErrorCode.INVALID_PARAMETERS,
                ErrorCode.INVALID_PARAMETERS.message() + ": " + where + " " + why, pointer));
    }

    /** A problem with a query parameter, named in the message (query parameters have no JSON pointer). */
    public void addQuery(String name, String why) {
        errors.add(ApiError.of(ErrorCode.INVALID_PARAMETERS,
                ErrorCode.INVALID_PARAMETERS.message() + ": query parameter '" + name + "' " + why));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw toException();
        }
    }

    private PaygoException toException() {
        return new PaygoException(ErrorCode.INVALID_PARAMETERS.status(), errors, Map.of());
    }
}
