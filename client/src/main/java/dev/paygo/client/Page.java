package dev.paygo.client;

import dev.paygo.client.models.PageParams;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list, with the means to fetch the next one. {@link #autoPager()} iterates every item of every
 * page, fetching pages as it goes. Immutable; the pager is not thread-safe.
 */
public final class Page<T> {
    private final List<T> items;
    private final PageParams params;
    private final long totalCount;
    private final long totalPages;
    private final Function<PageParams, Page<T>> fetch;

    Page(List<T> items, PageParams params, long totalCount, long totalPages, Function<PageParams, Page<T>> fetch) {
        this.items = List.copyOf(items);
        this.params = params;
        this.totalCount = totalCount;
        this.totalPages = totalPages;
        this.fetch = fetch;
    }

    public List<T> items() {
        return items;
    }

    public int page() {
        return params.page();
    }

    public long totalCount() {
        return totalCount;
    }

    public long totalPages() {
        return totalPages;
    }

    public boolean hasNextPage() {
        return params.page() < totalPages && !items.isEmpty();
    }

    /** The next page, fetched now, or empty on the last page. */
    public Optional<Page<T>> nextPage() {
        return hasNextPage() ? Optional.of(fetch.apply(params.next())) : Optional.empty();
    }

    /** Every item from this page on. */
    public Iterable<T> autoPager() {
        return () -> new Iterator<>() {
            private Page<T> current = Page.this;
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= current.items.size()) {
                    Optional<Page<T>> next = current.nextPage();
                    if (next.isEmpty()) {
                        return false;
                    }
                    current = next.get();
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.items.get(index++);
            }
        };
    }
}
