package dev.paygo.client;

import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.RatePlanGetResponse;

/** {@code client.billing().ratePlans()}: Cloudflare's {@code billing.ratePlans}. Thread-safe. */
public final class RatePlansService extends Resources {
    RatePlansService(ClientCore core) {
        super(core);
    }

    /** A rate plan by its public key ({@code workers}, {@code r2}, ...): its priced metrics in force today. */
    public RatePlanGetResponse get(String publicKey) {
        return one(ApiRequest.of("GET", "/billing/rate_plans/{}", publicKey), RatePlanGetResponse::fromJson);
    }
}
