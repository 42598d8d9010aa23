package dev.paygo.paging;

import dev.paygo.error.Problems;
import io.javalin.http.Context;

/** {@code page} (from 1) and {@code per_page} query parameters, validated. */
public record PageRequest(int page, int perPage) {
    public static final int MAX_PER_PAGE = 100;

    public static PageRequest from(Context ctx, int defaultPerPage) {
        Problems problems = new Problems();
        PageRequest page = read(ctx, defaultPerPage, problems);
        problems.throwIfAny();
        return page;
    }

    /** Reads the parameters, recording what is wrong in {@code problems} (with other parameters' problems). */
    public static PageRequest read(Context ctx, int defaultPerPage, Problems problems) {
        int page = intParam(ctx, "page", 1, 1, 1_000_000, problems);
        int perPage = intParam(ctx, "per_page", defaultPerPage, 1, MAX_PER_PAGE, problems);
        return new PageRequest(page, perPage);
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max, Problems problems) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        problems.addQuery(name, "must be a whole number from " + min + " to " + max);
        return fallback;
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
