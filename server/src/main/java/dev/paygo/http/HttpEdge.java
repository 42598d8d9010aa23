package dev.paygo.http;

import dev.paygo.error.ApiError;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.id.Ids;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP edge: request ids, the access log, request metrics, and the one mapping from exceptions and
 * framework errors (404, 405, 413) to Cloudflare's envelope. Unexpected exceptions are logged once with
 * the request id and answered with a generic 500 envelope: never a stack trace.
 */
public final class HttpEdge {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** A path segment long enough to be a capability (a hosted invoice's 48 hex digits): logs show it masked. */
    private static final Pattern SECRET_SEGMENT = Pattern.compile("/[0-9a-f]{40,}");
    private static final Logger ACCESS = LoggerFactory.getLogger("paygo.access");
    private static final Logger LOG = LoggerFactory.getLogger(HttpEdge.class);

    private HttpEdge() {
    }

    /** Wires request ids, logging, metrics and error mapping into the routes of a Javalin configuration. */
    public static void install(RoutesConfig app, Responses responses) {
        app.before(ctx -> {
            String given = ctx.header(REQUEST_ID_HEADER);
            String id = given != null && CLIENT_REQUEST_ID.matcher(given).matches() ? given : Ids.hex32();
            ctx.header(REQUEST_ID_HEADER, id);
            MDC.put("request_id", id);
            if (ctx.header("X-HTTP-Method-Override") != null) {
                // Javalin would route by it: a GET could reach a DELETE handler past a proxy's method rules.
                throw new PaygoException(ErrorCode.INVALID_HEADERS, ErrorCode.INVALID_HEADERS.message()
                        + ": X-HTTP-Method-Override is not supported; send the method itself");
            }
        });

        app.exception(PaygoException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            responses.failure(ctx, e.status(), e.errors());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> framework(responses, ctx, e.getStatus()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.atError().setCause(e).addKeyValue("method", ctx.method().name()).addKeyValue("path", loggedPath(ctx))
                    .log("unexpected error");
            responses.failure(ctx, 500, List.of(ApiError.of(ErrorCode.INTERNAL)));
        });
        for (int status : new int[] {400, 404, 405, 413, 500}) {
            app.error(status, ctx -> {
                if (!Responses.responded(ctx)) {
                    framework(responses, ctx, status);
                }
            });
        }
    }

    /** Records the request's metrics and access-log line; call from Javalin's request logger. */
    public static void log(Context ctx, float ms, MeterRegistry metrics) {
        // No endpoint matched (404/405) when no HTTP endpoint was visited.
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String uri = endpoint == null ? "unmatched" : endpoint.path;
        Timer.builder("paygo.http.requests")
                .description("HTTP requests by method, route and status")
                .tag("method", ctx.method().name())
                .tag("uri", uri)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(metrics)
                .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
        ACCESS.atInfo()
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("path", loggedPath(ctx))
                .addKeyValue("status", ctx.statusCode())
                .addKeyValue("duration_ms", Math.round(ms * 10) / 10.0)
                .log("request");
        MDC.remove("request_id");
    }

    /** The request's path as logs show it: a segment that could be a capability masked. */
    public static String loggedPath(Context ctx) {
        return SECRET_SEGMENT.matcher(ctx.path()).replaceAll("/****");
    }

    private static void framework(Responses responses, Context ctx, int status) {
        ApiError error = switch (status) {
            case 404 -> ApiError.of(ErrorCode.NOT_FOUND);
            case 405 -> ApiError.of(ErrorCode.METHOD_NOT_ALLOWED,
                    ErrorCode.METHOD_NOT_ALLOWED.message() + ": " + ctx.method().name() + " " + ctx.path());
            case 413 -> ApiError.of(ErrorCode.BODY_TOO_LARGE);
            case 400 -> ApiError.of(ErrorCode.INVALID_PARAMETERS, "Bad request");
            default -> ApiError.of(ErrorCode.INTERNAL);
        };
        responses.failure(ctx, status, List.of(error));
    }
}
