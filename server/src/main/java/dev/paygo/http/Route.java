package dev.paygo.http;

import io.javalin.http.Handler;

/**
 * One route of paygo's HTTP surface: its method, its full path (with the API's base path, as clients call
 * it, e.g. {@code /client/v4/accounts/{account_id}/billing/profile}), who may call it, and its handler.
 */
public record Route(String method, String path, Access access, Handler handler) {
}
