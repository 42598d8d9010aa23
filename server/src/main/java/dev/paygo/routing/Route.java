package dev.paygo.routing;

import dev.paygo.idempotency.IdempotencyService;
import io.javalin.http.Handler;

/**
 * One route of paygo's HTTP surface: its method, its full path (with the API's base path, as clients call
 * it, e.g. {@code /client/v4/accounts/{account_id}/billing/profile}), who may call it, its handler, and how a
 * POST or PATCH sent with an {@code Idempotency-Key} is kept: in the transaction of its own writes, or after
 * work that commits on its own and is idempotent by itself (usage ingestion).
 */
public record Route(String method, String path, Access access, Handler handler,
                    IdempotencyService.Mode idempotency) {

    /** True when an {@code Idempotency-Key} applies: POST and PATCH (PUT, DELETE and GET are idempotent). */
    public boolean takesIdempotencyKey() {
        return method.equals("POST") || method.equals("PATCH");
    }
}
