package dev.paygo.reliability;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP calls to a paygo process, for tests that need nothing of an SDK but the envelope. */
final class Api {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"");

    private Api() {
    }

    /** An answer: status, body, and the body as JSON (missing when it is not JSON). */
    record Answer(int status, String body, JsonNode json, HttpResponse<String> raw) {
        JsonNode result() {
            return json.get("result");
        }
    }

    static Answer call(String baseUrl, String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = send(request.build());
        JsonNode json;
        try {
            json = MAPPER.readTree(response.body());
        } catch (IOException e) {
            json = MAPPER.missingNode();
        }
        return new Answer(response.statusCode(), response.body(), json, response);
    }

    /** Opens an account as the operator; returns its id. */
    static String createAccount(String baseUrl, String name) {
        return call(baseUrl, "POST", "/accounts", PaygoProcess.OPERATOR_TOKEN, "{\"name\": \"" + name + "\"}")
                .result().get("id").asText();
    }

    /** Creates a token allowing the groups (by id) on the account, as the operator; returns the answer's result. */
    static JsonNode createToken(String baseUrl, String account, String... groupIds) {
        StringBuilder groups = new StringBuilder();
        for (String id : groupIds) {
            groups.append(groups.length() == 0 ? "" : ",").append("{\"id\": \"").append(id).append("\"}");
        }
        return call(baseUrl, "POST", "/accounts/" + account + "/tokens", PaygoProcess.OPERATOR_TOKEN,
                "{\"name\": \"t\", \"policies\": [{\"effect\": \"allow\", \"permission_groups\": [" + groups
                        + "], \"resources\": {\"com.cloudflare.api.account." + account + "\": \"*\"}}]}").result();
    }

    /** The sum of ConsumedQuantity of an account's records over the days given. */
    static BigDecimal consumed(String baseUrl, String account, String token, String from, String to) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode record : call(baseUrl, "GET", "/accounts/" + account + "/billing/usage/paygo?from=" + from + "&to="
                + to, token, null).result()) {
            total = total.add(record.get("ConsumedQuantity").decimalValue());
        }
        return total;
    }

    /** Signs in to the console of the paygo at {@code baseUrl} with a token, through its form: the session cookie's value. */
    static String consoleSession(String baseUrl, String token) {
        String origin = baseUrl.replace("/client/v4", "");
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(origin + "/sign-in")).build());
        Matcher csrf = FORM_TOKEN.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no form token on the sign-in page");
        }
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(origin + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0])
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1) + "&token=" + token)).build());
        return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("paygo_session="))
                .findFirst().orElseThrow(() -> new IllegalStateException("sign-in refused: " + signedIn.statusCode()))
                .split(";")[0].substring("paygo_session=".length());
    }

    /** A console page with a session cookie: its status (redirects are not followed). */
    static HttpResponse<String> consolePage(String baseUrl, String path, String session) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl.replace("/client/v4", "") + path))
                .header("Cookie", "paygo_session=" + session).build());
    }

    /** Signs a console session out with its form token; fails unless the console answers with its redirect. */
    static void consoleSignOut(String baseUrl, String session, String csrf) {
        HttpResponse<String> out = send(HttpRequest.newBuilder(URI.create(baseUrl.replace("/client/v4", "")
                        + "/sign-out")).header("Cookie", "paygo_session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build());
        if (out.statusCode() != 303) {
            throw new IllegalStateException("sign-out answered " + out.statusCode());
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
