package dev.paygo.routing;

import dev.paygo.http.JsonBody;
import dev.paygo.http.Responses;
import dev.paygo.auth.RequestPrincipal;
import dev.paygo.error.Problems;
import dev.paygo.idempotency.IdempotencyService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of POST and PATCH requests: a request with a key runs once per credential
 * and key; sent again with the same method, path, query, content type and body within 24 hours, it gets the
 * first answer again (with {@code Idempotent-Replayed: true}); with a different request, 422 / 1187. Requests
 * without the header run as they are.
 */
public final class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final IdempotencyService service;
    private final JsonBody body;
    private final Responses responses;

    public IdempotentRequests(IdempotencyService service, JsonBody body, Responses responses) {
        this.service = service;
        this.body = body;
        this.responses = responses;
    }

    void handle(Context ctx, IdempotencyService.Mode mode, Handler handler) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null) {
            handler.handle(ctx);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            Problems problems = new Problems();
            problems.addHeader(HEADER, "must be 1 to 255 printable ASCII characters without spaces, such as a UUID");
            problems.throwIfAny();
        }
        String scope = RequestPrincipal.of(ctx).credentialKey();
        IdempotencyService.Outcome outcome = service.execute(scope, key, identity(ctx), mode, () -> {
            handler.handle(ctx);
            return new IdempotencyService.Answer(ctx.statusCode(),
                    new String(Responses.written(ctx), StandardCharsets.UTF_8));
        });
        if (outcome.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
            responses.writeJson(ctx, outcome.answer().status(), outcome.answer().json().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What makes two requests the same request: method, path and query, content type, and the body's bytes. */
    private byte[] identity(Context ctx) {
        String head = ctx.method().name() + " " + ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString())
                + "\n" + (ctx.contentType() == null ? "" : ctx.contentType()) + "\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] bodyBytes = body.bytes(ctx);
        byte[] all = java.util.Arrays.copyOf(headBytes, headBytes.length + bodyBytes.length);
        System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
        return all;
    }
}
