package dev.paygo.apidoc;

import io.javalin.http.Context;

/** Serves the OpenAPI document: {@code GET /client/v4/openapi.json} and {@code /openapi.yaml}, to anyone. */
public final class ApiDocController {
    private static final String CACHE = "public, max-age=300";
    private final ApiDocument document;

    public ApiDocController(ApiDocument document) {
        this.document = document;
    }

    public void json(Context ctx) {
        ctx.header("Cache-Control", CACHE).contentType("application/json").result(document.json());
    }

    public void yaml(Context ctx) {
        ctx.header("Cache-Control", CACHE).contentType("application/yaml").result(document.yaml());
    }
}
