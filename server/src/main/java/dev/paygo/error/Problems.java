package dev.paygo.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem of one request so that a client learns all of them at once, each with the JSON
 * pointer of its field, then fails with 400 / 1183. Not thread-safe: one per request.
 */
public final class Problems {
    /** At most this many problems are listed; the rest are counted in a last error. */
    public static final int MAX_LISTED = 100;

    private final List<ApiError> errors = new ArrayList<>();
    private int unlisted;

    public static PaygoException single(String pointer, String why) {
        Problems problems = new Problems();
        problems.add(pointer, why);
        return problems.toException();
    }

    /** A problem with a body field, named by its JSON pointer ({@code ""} for the whole body). */
    public void add(String pointer, String why) {
        if (errors.size() >= MAX_LISTED) {
            unlisted++;
            return;
        }
        String where = pointer.isEmpty() ? "the body" : pointer;
        errors.add(ApiError.at(ErrorCode.INVALID_PARAMETERS,
                ErrorCode.INVALID_PARAMETERS.message() + ": " + where + " " + why, pointer));
    }

    /** A problem with a query parameter, named in the message (query parameters have no JSON pointer). */
    public void addQuery(String name, String why) {
        addNamed("query parameter '" + name + "'", why);
    }

    /** A problem with a request header, named in the message. */
    public void addHeader(String name, String why) {
        addNamed("header '" + name + "'", why);
    }

    private void addNamed(String what, String why) {
        if (errors.size() >= MAX_LISTED) {
            unlisted++;
            return;
        }
        errors.add(ApiError.of(ErrorCode.INVALID_PARAMETERS,
                ErrorCode.INVALID_PARAMETERS.message() + ": " + what + " " + why));
    }

    public boolean isEmpty() {
        return errors.isEmpty() && unlisted == 0;
    }

    public void throwIfAny() {
        if (!isEmpty()) {
            throw toException();
        }
    }

    private PaygoException toException() {
        List<ApiError> all = new ArrayList<>(errors);
        if (unlisted > 0) {
            all.add(ApiError.of(ErrorCode.INVALID_PARAMETERS, ErrorCode.INVALID_PARAMETERS.message() + ": and "
                    + unlisted + " more problem(s) not listed"));
        }
        return new PaygoException(ErrorCode.INVALID_PARAMETERS.status(), all, Map.of());
    }
}
