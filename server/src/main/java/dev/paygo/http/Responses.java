package dev.paygo.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.error.ApiError;
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

    public void page(Context ctx, Envelope.Page<?> page) {
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

    /** The envelope this request was answered with so far (empty before an answer). */
    static byte[] written(Context ctx) {
        byte[] written = ctx.attribute(WRITTEN);
        return written == null ? new byte[0] : written;
    }

    static boolean responded(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(RESPONDED));
    }
}
