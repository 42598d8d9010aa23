package dev.paygo.auth;

import io.javalin.http.Context;

/** The authenticated caller of a request, as the route guard found it; controllers read it from here. */
public final class RequestPrincipal {
    private static final String KEY = "paygo.principal";

    private RequestPrincipal() {
    }

    public static void set(Context ctx, Principal principal) {
        ctx.attribute(KEY, principal);
    }

    /** The caller of a route guarded by an authenticated access. */
    public static Principal of(Context ctx) {
        Principal principal = ctx.attribute(KEY);
        if (principal == null) {
            throw new IllegalStateException("route is not guarded by an authenticated Access");
        }
        return principal;
    }
}
