package dev.paygo.paging;

import java.util.List;

/** One page of a list with its pagination facts. */
public record Page<T>(List<T> items, ResultInfo info) {
    public static <T> Page<T> of(List<T> items, PageRequest request, long totalCount) {
        long totalPages = (totalCount + request.perPage() - 1) / request.perPage();
        return new Page<>(items, new ResultInfo(request.page(), request.perPage(), items.size(), totalCount,
                totalPages));
    }
}
