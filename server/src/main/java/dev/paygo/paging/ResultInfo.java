package dev.paygo.paging;

/** Pagination facts of a list result, written as Cloudflare's {@code result_info}. */
public record ResultInfo(int page, int perPage, int count, long totalCount, long totalPages) {
}
