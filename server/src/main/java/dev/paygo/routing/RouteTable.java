package dev.paygo.routing;

import dev.paygo.http.JsonBody;
import dev.paygo.idempotency.IdempotencyService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The routes of paygo with their {@link Access}, as data: the server installs them behind the {@link Guard},
 * and tests read them to fuzz every route and check every cell of the authorization matrix.
 */
public final class RouteTable {
    private final String basePath;
    private final List<Route> routes = new ArrayList<>();

    /** @param basePath the API's base path, e.g. {@code /client/v4} */
    public RouteTable(String basePath) {
        this.basePath = basePath;
    }

    public RouteTable get(String path, Access access, Handler handler) {
        return add("GET", basePath + path, access, handler);
    }

    public RouteTable post(String path, Access access, Handler handler) {
        return add("POST", basePath + path, access, handler);
    }

    /**
     * A POST whose work commits on its own and is idempotent by itself (usage ingestion: events are kept once by
     * their ids), so an {@code Idempotency-Key}'s answer is kept after it rather than in its transaction.
     */
    public RouteTable postIdempotentByItself(String path, Access access, Handler handler) {
        return add("POST", basePath + path, access, handler, IdempotencyService.Mode.AFTER_COMMIT);
    }

    public RouteTable put(String path, Access access, Handler handler) {
        return add("PUT", basePath + path, access, handler);
    }

    public RouteTable patch(String path, Access access, Handler handler) {
        return add("PATCH", basePath + path, access, handler);
    }

    public RouteTable delete(String path, Access access, Handler handler) {
        return add("DELETE", basePath + path, access, handler);
    }

    /** A public route outside the API's base path ({@code /healthz}, {@code /metrics}). */
    public RouteTable root(String method, String path, Handler handler) {
        return add(method, path, Access.publicRoute(), handler);
    }

    private RouteTable add(String method, String path, Access access, Handler handler) {
        return add(method, path, access, handler, IdempotencyService.Mode.IN_TRANSACTION);
    }

    private RouteTable add(String method, String path, Access access, Handler handler,
                           IdempotencyService.Mode idempotency) {
        Objects.requireNonNull(access, () -> method + " " + path + " declares no access");
        if (routes.stream().anyMatch(r -> r.method().equals(method) && r.path().equals(path))) {
            throw new IllegalArgumentException(method + " " + path + " is declared twice");
        }
        routes.add(new Route(method, path, access, handler, idempotency));
        return this;
    }

    /** Every route, in declaration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * Adds every route to Javalin's configuration, each behind the guard; POST and PATCH honour an
     * {@code Idempotency-Key}.
     */
    public void install(RoutesConfig config, Guard guard, IdempotentRequests idempotent, JsonBody bodies) {
        for (Route route : routes) {
            Handler handler = route.handler();
            Access access = route.access();
            boolean keyed = route.takesIdempotencyKey();
            config.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(), ctx -> {
                try {
                    guard.check(ctx, access);
                    if (keyed) {
                        idempotent.handle(ctx, route.idempotency(), handler);
                    } else {
                        handler.handle(ctx);
                    }
                } finally {
                    bodies.release(ctx);
                }
            });
        }
    }
}
