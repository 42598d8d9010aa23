package dev.paygo.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Runs one method of Cloudflare's official TypeScript SDK (installed from npm into {@code e2e/node}) with
 * node against a live paygo, and returns what the SDK returned or threw.
 */
final class CloudflareSdk {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The npm package of Cloudflare's SDK 6.2.0, the seed's version. */
    static final String V6 = "cloudflare";
    /** The npm alias of Cloudflare's SDK 7.3.0. */
    static final String V7 = "cloudflare7";

    private final String baseUrl;
    private final Map<String, String> auth;
    private final String sdkPackage;

    private CloudflareSdk(String baseUrl, Map<String, String> auth, String sdkPackage) {
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.sdkPackage = sdkPackage;
    }

    private CloudflareSdk(String baseUrl, Map<String, String> auth) {
        this(baseUrl, auth, V6);
    }

    /** The same credentials with another SDK version ({@link #V6} or {@link #V7}). */
    CloudflareSdk version(String npmPackage) {
        return new CloudflareSdk(baseUrl, auth, npmPackage);
    }

    static CloudflareSdk withToken(String baseUrl, String token) {
        return new CloudflareSdk(baseUrl, Map.of("apiToken", token));
    }

    static CloudflareSdk withGlobalKey(String baseUrl, String email, String key) {
        return new CloudflareSdk(baseUrl, Map.of("apiEmail", email, "apiKey", key));
    }

    static CloudflareSdk withoutCredentials(String baseUrl) {
        return new CloudflareSdk(baseUrl, Map.of());
    }

    /** The outcome of one SDK call. */
    record Outcome(boolean ok, JsonNode result, JsonNode error) {
        String errorName() {
            return error.path("name").asText();
        }

        int status() {
            return error.path("status").asInt();
        }

        int errorCode() {
            return error.path("errors").path(0).path("code").asInt();
        }
    }

    Outcome call(String method, Object... args) {
        return run(method, false, args);
    }

    /** Calls a paginated list method and collects every item across pages. */
    Outcome list(String method, Object... args) {
        return run(method, true, args);
    }

    private Outcome run(String method, boolean iterate, Object... args) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("package", sdkPackage);
        request.put("baseURL", baseUrl);
        request.set("auth", MAPPER.valueToTree(auth));
        request.put("method", method);
        request.set("args", MAPPER.valueToTree(List.of(args)));
        request.put("iterate", iterate);
        JsonNode outcome = NodeScript.run("sdk-call.mjs", request.toString());
        return new Outcome(outcome.get("ok").asBoolean(), outcome.get("result"), outcome.get("error"));
    }
}
