package dev.paygo.client.models;

import java.util.Map;

/** Which page of a list to fetch: {@code page} from 1, {@code perPage} 1 to 100. Immutable. */
public record PageParams(int page, int perPage) {
    public PageParams {
        if (page < 1) {
            throw new IllegalArgumentException("PageParams: page starts at 1");
        }
        if (perPage < 1 || perPage > 100) {
            throw new IllegalArgumentException("PageParams: perPage is 1 to 100");
        }
    }

    public static PageParams first(int perPage) {
        return new PageParams(1, perPage);
    }

    public PageParams next() {
        return new PageParams(page + 1, perPage);
    }

    /** The query parameters of this page. */
    public Map<String, String> toQuery() {
        return Map.of("page", Integer.toString(page), "per_page", Integer.toString(perPage));
    }
}
