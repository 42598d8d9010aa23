package dev.paygo.http;

import com.fasterxml.jackson.core.JsonLocation;
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

/**
 * Reads a request body with a size bound and parses it as strict JSON. Errors name the line and column
 * and never echo a stack trace.
 */
public final class JsonBody {
    private final ObjectMapper mapper;
    private final long maxBytes;

    public JsonBody(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The body's bytes; 413 when it is longer than the limit, whatever Content-Length claims. */
    public byte[] bytes(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw Problems.single("", "could not be read: " + e.getMessage());
        }
    }

    /** The body as a JSON tree; 400 / 1183 when it is empty or not valid JSON. */
    public JsonNode parse(Context ctx) {
        return parse(bytes(ctx));
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
            throw Problems.single("", "is not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problems.single("", "could not be read: " + e.getMessage());
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private PaygoException tooLarge() {
        return new PaygoException(ErrorCode.BODY_TOO_LARGE,
                ErrorCode.BODY_TOO_LARGE.message() + ": at most " + maxBytes + " bytes are accepted");
    }
}
