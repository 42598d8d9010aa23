package dev.paygo.http;

import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /healthz} (the process answers), {@code /readyz} (the database answers) and {@code /metrics}. */
public final class HealthController {
    private final Responses responses;
    private final BooleanSupplier databaseReachable;
    private final PrometheusMeterRegistry metrics;

    public HealthController(Responses responses, BooleanSupplier databaseReachable, PrometheusMeterRegistry metrics) {
        this.responses = responses;
        this.databaseReachable = databaseReachable;
        this.metrics = metrics;
    }

    public void health(Context ctx) {
        responses.ok(ctx, Map.of("status", "ok"));
    }

    public void ready(Context ctx) {
        if (!databaseReachable.getAsBoolean()) {
            throw new PaygoException(ErrorCode.NOT_READY, "Service not ready: the database does not answer");
        }
        responses.ok(ctx, Map.of("status", "ready"));
    }

    public void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
