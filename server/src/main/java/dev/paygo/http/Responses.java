package dev.paygo.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.error.ApiError;
import dev.paygo.paging.Page;
import io.javalin.http.Context;
import java.util.List;

/** Writes envelopes: the only way a JSON response leaves paygo. */
public final class Responses {
    static final String RESPONDED = "paygo.responded";
    private static final String WRITTEN = "paygo.written";
    private static final String JSON = "application/json";

    private final ObjectMapper mapper;

    public Responses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void ok(Context ctx, Object result) {
        write(ctx, 200, Envelope.ok(result));
    }

    public void created(Context ctx, Object result) {
        write(ctx, 201, Envelope.ok(result));
    }

    public void page(Context ctx, Page<?> page) {
        write(ctx, 200, Envelope.page(page));
    }

    public void failure(Context ctx, int status, List<ApiError> errors) {
        write(ctx, status, Envelope.failure(errors));
    }

    public void write(Context ctx, int status, Envelope envelope) {
        writeJson(ctx, status, encode(envelope));
    }

    /** An envelope as the bytes of its JSON, for answers worth caching. */
    public byte[] encode(Envelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON", e);
        }
    }

    /** Answers with an envelope already encoded by {@link #encode}. */
    public void writeJson(Context ctx, int status, byte[] envelope) {
        ctx.status(status).contentType(JSON).result(envelope);
        ctx.attribute(RESPONDED, Boolean.TRUE);
        ctx.attribute(WRITTEN, envelope);
    }

    /** Writes a body that is not JSON, such as an export. */
    @FunctionalInterface
    public interface BodyWriter {
        void write(java.io.OutputStream out) throws java.io.IOException;
    }

    /**
     * Answers 200 with a streamed attachment: the body is written straight to the connection, so its size does not
     * hold memory. Everything that can be refused must be checked before: once streaming, the status is sent.
     */
    public void stream(Context ctx, String contentType, String fileName, BodyWriter body) {
        ctx.status(200).contentType(contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.attribute(RESPONDED, Boolean.TRUE);
        try {
            body.write(ctx.outputStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The envelope this request was answered with so far (empty before an answer). */
    public static byte[] written(Context ctx) {
        byte[] written = ctx.attribute(WRITTEN);
        return written == null ? new byte[0] : written;
    }

    /**
     * Marks a response written elsewhere (a console page) as complete: the edge's framework-error handlers leave an
     * answered 400, 404 or 500 alone.
     */
    public static void answered(Context ctx) {
        ctx.attribute(RESPONDED, Boolean.TRUE);
    }

    static boolean responded(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(RESPONDED));
    }
}
