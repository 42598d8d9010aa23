package dev.paygo.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalInt;

/**
 * Reads a request body with size bounds (one body, and all bodies held at once: {@link BodyBudget}) and parses
 * it as strict JSON in strict UTF-8. Errors name the line and column and never echo a stack trace or the JSON
 * library's text.
 */
public final class JsonBody {
    private static final String READ = "paygo.body";
    private static final int CHUNK = 8192;
    private final ObjectMapper mapper;
    private final long maxBytes;
    private final BodyBudget budget;

    public JsonBody(ObjectMapper mapper, long maxBytes, BodyBudget budget) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
        this.budget = budget;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The body's bytes, read once per request (later calls answer the same bytes): 413 when it is longer than
     * the limit, whatever Content-Length claims; 503 when all bodies in flight would pass the budget; 400 when
     * it is not UTF-8 (or carries a byte-order mark or a NUL byte, as UTF-16 and UTF-32 do).
     */
    public byte[] bytes(Context ctx) {
        byte[] read = ctx.attribute(READ);
        if (read == null) {
            read = readBody(ctx);
            OptionalInt invalid = Utf8.firstInvalid(read);
            if (invalid.isPresent()) {
                throw Problems.single("", "is not UTF-8 JSON text: byte " + invalid.getAsInt() + " is not valid UTF-8 "
                        + "(send UTF-8 without a byte-order mark; UTF-16 and UTF-32 are refused)");
            }
            ctx.attribute(READ, read);
        }
        return read;
    }

    /** Gives back what this request's body held of the budget; the route table calls it as a request ends. */
    public void release(Context ctx) {
        budget.release(ctx);
    }

    private byte[] readBody(Context ctx) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        // Grown as bytes arrive, never sized from Content-Length: a client can claim 10 MiB and send 1 byte.
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
            byte[] buffer = new byte[CHUNK];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                budget.take(ctx, read);
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw Problems.single("", "could not be read: the connection failed while it was sent");
        }
    }

    /** The body as a JSON tree; 400 / 1183 when it is empty or not valid JSON. */
    public JsonNode parse(Context ctx) {
        return parse(bytes(ctx));
    }

    /** The body's JSON, or an empty object when there is no body (a request whose fields are all optional). */
    public JsonNode parseOrEmpty(Context ctx) {
        byte[] body = bytes(ctx);
        return body.length == 0 ? mapper.createObjectNode() : parse(body);
    }

    public JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw Problems.single("", "is required: send a JSON object");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw Problems.single("", "is required: send a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Problems.single("", JsonErrors.describe(e));
        } catch (IOException e) {
            throw Problems.single("", "could not be read");
        }
    }

    private PaygoException tooLarge() {
        return new PaygoException(ErrorCode.BODY_TOO_LARGE,
                ErrorCode.BODY_TOO_LARGE.message() + ": at most " + maxBytes + " bytes are accepted");
    }
}
