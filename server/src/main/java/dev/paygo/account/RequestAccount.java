package dev.paygo.account;

import io.javalin.http.Context;

/** The account a request is about, as the route guard checked it; controllers read it from here. */
public final class RequestAccount {
    private static final String KEY = "paygo.account";

    private RequestAccount() {
    }

    public static void set(Context ctx, Account account) {
        ctx.attribute(KEY, account);
    }

    /** The account of a route guarded by an account access. */
    public static Account of(Context ctx) {
        Account account = ctx.attribute(KEY);
        if (account == null) {
            throw new IllegalStateException("route is not guarded by an account Access");
        }
        return account;
    }
}
