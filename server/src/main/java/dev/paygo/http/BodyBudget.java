package dev.paygo.http;

import dev.paygo.error.ApiError;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the request body bytes held in memory across all requests at once. A body is counted as its bytes
 * arrive (never by what Content-Length claims) and until its request ends; a request that would pass the bound
 * gets 503 / 10503 with {@code Retry-After}, so a burst of large or slow bodies cannot exhaust the heap.
 * Thread-safe.
 */
public final class BodyBudget {
    private static final String HELD = "paygo.body.held";

    private final long capacity;
    private final AtomicLong held = new AtomicLong();

    /** @param capacity the most body bytes held at once; 0 or less leaves bodies unbounded in total */
    public BodyBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Counts {@code bytes} more for this request, or refuses (503) when they do not fit. */
    void take(Context ctx, int bytes) {
        if (capacity <= 0) {
            return;
        }
        long after = held.addAndGet(bytes);
        if (after > capacity) {
            held.addAndGet(-bytes);
            throw new PaygoException(ErrorCode.NOT_READY.status(), List.of(ApiError.of(ErrorCode.NOT_READY,
                    "Service busy: too many request bodies are being received at once; retry shortly")),
                    Map.of("Retry-After", "1"));
        }
        Long mine = ctx.attribute(HELD);
        ctx.attribute(HELD, (mine == null ? 0 : mine) + bytes);
    }

    /** Returns what this request held; called once its handler has finished, whatever the outcome. */
    void release(Context ctx) {
        Long mine = ctx.attribute(HELD);
        if (mine != null) {
            held.addAndGet(-mine);
            ctx.attribute(HELD, null);
        }
    }

    /** Body bytes held now (for metrics and tests). */
    public long held() {
        return held.get();
    }
}
