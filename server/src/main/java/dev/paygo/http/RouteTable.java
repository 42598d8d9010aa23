package dev.paygo.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** Declares routes with their {@link Access}; every handler runs behind the {@link Guard}. */
public final class RouteTable {
    private final Javalin app;
    private final Guard guard;
    private final String prefix;

    public RouteTable(Javalin app, Guard guard, String prefix) {
        this.app = app;
        this.guard = guard;
        this.prefix = prefix;
    }

    public RouteTable get(String path, Access access, Handler handler) {
        return add(HandlerType.GET, path, access, handler);
    }

    public RouteTable post(String path, Access access, Handler handler) {
        return add(HandlerType.POST, path, access, handler);
    }

    public RouteTable put(String path, Access access, Handler handler) {
        return add(HandlerType.PUT, path, access, handler);
    }

    public RouteTable patch(String path, Access access, Handler handler) {
        return add(HandlerType.PATCH, path, access, handler);
    }

    public RouteTable delete(String path, Access access, Handler handler) {
        return add(HandlerType.DELETE, path, access, handler);
    }

    /** A route outside the API's base path ({@code /healthz}, {@code /metrics}). */
    public RouteTable root(HandlerType method, String path, Handler handler) {
        app.addHttpHandler(method, path, handler);
        return this;
    }

    private RouteTable add(HandlerType method, String path, Access access, Handler handler) {
        app.addHttpHandler(method, prefix + path, ctx -> {
            guard.check(ctx, access);
            handler.handle(ctx);
        });
        return this;
    }
}
