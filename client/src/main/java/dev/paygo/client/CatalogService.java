package dev.paygo.client;

import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.CatalogResponse;

/** paygo's price catalog in force: {@code GET /billing/catalog}. Thread-safe. */
public final class CatalogService extends Resources {
    CatalogService(ClientCore core) {
        super(core);
    }

    public CatalogResponse get() {
        return one(ApiRequest.of("GET", "/billing/catalog"), CatalogResponse::fromJson);
    }
}
