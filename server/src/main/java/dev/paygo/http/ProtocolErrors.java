package dev.paygo.http;

import dev.paygo.error.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a request it cannot parse: no Host, a bad or repeated Content-Length, {@code %00} or
 * {@code %zz} in the path, a URI or headers too large, an unsupported protocol) answered in Cloudflare's
 * envelope instead of Jetty's HTML page. Codes are 10000 + the status ({@code 10400}, {@code 10414},
 * {@code 10431}, ...); the message is paygo's own, never Jetty's text.
 */
public final class ProtocolErrors extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
        }
        if (status < 400 || status > 599) {
            status = 400;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(envelope(status).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** The envelope of a refusal; the message is a fixed text, so it needs no escaping. */
    static String envelope(int status) {
        int code = switch (status) {
            case 413 -> ErrorCode.BODY_TOO_LARGE.code();
            case 500 -> ErrorCode.INTERNAL.code();
            default -> 10_000 + status;
        };
        return "{\"success\":false,\"errors\":[{\"code\":" + code + ",\"message\":\"" + message(status)
                + "\"}],\"messages\":[],\"result\":null}";
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "Malformed HTTP request: check the request line, the Host header, Content-Length and the "
                    + "percent-encoding of the path";
            case 408 -> "Request timed out";
            case 413 -> "Request body too large";
            case 414 -> "Request URI too long";
            case 426 -> "Upgrade required: use HTTP/1.1";
            case 431 -> "Request header fields too large";
            case 500 -> ErrorCode.INTERNAL.message();
            case 501 -> "Not implemented";
            case 505 -> "HTTP version not supported";
            default -> "HTTP error " + status;
        };
    }
}
