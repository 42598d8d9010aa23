package dev.paygo.client.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One API call before it is sent: method, path (below the base URL; segments are URL-encoded), query
 * parameters, body, and the idempotency key fixed for all of its attempts.
 */
public final class ApiRequest {
    private final String method;
    private final String path;
    private final Map<String, java.util.List<String>> query;
    private final byte[] body;
    private final String contentType;
    private final String idempotencyKey;

    private ApiRequest(String method, String path, Map<String, java.util.List<String>> query, byte[] body,
                       String contentType, String idempotencyKey) {
        this.method = method;
        this.path = path;
        // Insertion order: the query string is the same every time for the same call.
        this.query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
        this.body = body;
        this.contentType = contentType;
        this.idempotencyKey = idempotencyKey;
    }

    /** A request to {@code template} with each {@code {}} replaced by the next segment, URL-encoded. */
    public static ApiRequest of(String method, String template, String... segments) {
        StringBuilder path = new StringBuilder();
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            if (template.startsWith("{}", i)) {
                path.append(URLEncoder.encode(segments[next++], StandardCharsets.UTF_8).replace("+", "%20"));
                i++;
            } else {
                path.append(template.charAt(i));
            }
        }
        return new ApiRequest(method, path.toString(), Map.of(), null, null, null);
    }

    public ApiRequest query(Map<String, String> parameters) {
        Map<String, java.util.List<String>> all = new LinkedHashMap<>(query);
        parameters.forEach((k, v) -> all.put(k, java.util.List.of(v)));
        return new ApiRequest(method, path, all, body, contentType, idempotencyKey);
    }

    /** A parameter given once per value ({@code group_by=zone&group_by=tag:team}); none when empty. */
    public ApiRequest queryAll(String name, java.util.List<String> values) {
        Map<String, java.util.List<String>> all = new LinkedHashMap<>(query);
        if (values.isEmpty()) {
            all.remove(name);
        } else {
            all.put(name, java.util.List.copyOf(values));
        }
        return new ApiRequest(method, path, all, body, contentType, idempotencyKey);
    }

    public ApiRequest body(byte[] bytes, String type) {
        return new ApiRequest(method, path, query, bytes, type, idempotencyKey);
    }

    public ApiRequest idempotencyKey(String key) {
        return new ApiRequest(method, path, query, body, contentType, key);
    }

    public String method() {
        return method;
    }

    /** The path with its query string, e.g. {@code /accounts/abc/billing/usage/paygo?from=2025-02-01}. */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringJoiner joined = new StringJoiner("&", path + "?", "");
        query.forEach((k, values) -> values.forEach(v -> joined.add(URLEncoder.encode(k, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return joined.toString();
    }

    public Optional<byte[]> body() {
        return Optional.ofNullable(body);
    }

    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }
}
