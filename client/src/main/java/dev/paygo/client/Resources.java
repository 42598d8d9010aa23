package dev.paygo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ApiResponse;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.errors.PaygoInvalidDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Shared plumbing of the resource classes: send a request, read its result as models. */
abstract class Resources {
    protected final ClientCore core;

    Resources(ClientCore core) {
        this.core = core;
    }

    protected <T> T one(ApiRequest request, Function<ObjectNode, T> model) {
        JsonNode result = core.execute(request).result();
        if (!result.isObject()) {
            throw new PaygoInvalidDataException("expected an object as result, got " + result.getNodeType());
        }
        return model.apply((ObjectNode) result);
    }

    protected <T> List<T> many(ApiRequest request, Function<ObjectNode, T> model) {
        return items(core.execute(request).result(), model);
    }

    protected <T> Page<T> page(ApiRequest request, dev.paygo.client.models.PageParams params,
                               Function<ObjectNode, T> model,
                               Function<dev.paygo.client.models.PageParams, Page<T>> next) {
        ApiResponse response = core.execute(request.query(params.toQuery()));
        JsonNode info = response.resultInfo();
        return new Page<>(items(response.result(), model), params, info.path("total_count").asLong(),
                info.path("total_pages").asLong(), next);
    }

    private static <T> List<T> items(JsonNode result, Function<ObjectNode, T> model) {
        if (!(result instanceof ArrayNode array)) {
            throw new PaygoInvalidDataException("expected a list as result, got " + result.getNodeType());
        }
        List<T> items = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (!item.isObject()) {
                throw new PaygoInvalidDataException("expected objects in the result list, got " + item.getNodeType());
            }
            items.add(model.apply((ObjectNode) item));
        }
        return items;
    }
}
