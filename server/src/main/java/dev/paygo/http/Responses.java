package dev.paygo.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.error.ApiError;
import io.javalin.http.Context;
import java.util.List;

/** Writes envelopes: the only way a JSON response leaves paygo. */
public final class Responses {
    static final String RESPONDED = "paygo.responded";
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
        try {
            byte[] body = mapper.writeValueAsBytes(envelope);
            ctx.status(status).contentType(JSON).result(body);
            ctx.attribute(RESPONDED, Boolean.TRUE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON", e);
        }
    }

    static boolean responded(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(RESPONDED));
    }
}
