package dev.paygo.client;

import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.ProfileGetParams;
import dev.paygo.client.models.ProfileGetResponse;
import dev.paygo.client.models.ProfileUpdateParams;

/** {@code /accounts/{account_id}/billing/profile}. Thread-safe. */
public final class ProfilesService extends Resources {
    ProfilesService(ClientCore core) {
        super(core);
    }

    /** Reads an account's billing profile (Billing Read): {@code GET /accounts/{id}/billing/profile}. */
    public ProfileGetResponse get(ProfileGetParams params) {
        return one(ApiRequest.of("GET", "/accounts/{}/billing/profile", params.accountId()),
                ProfileGetResponse::fromJson);
    }

    /** Writes it (Billing Write; paygo's API): {@code PATCH} merges the fields given, {@code PUT} replaces. */
    public ProfileGetResponse update(ProfileUpdateParams params) {
        return one(ApiRequest.of(params.replace() ? "PUT" : "PATCH", "/accounts/{}/billing/profile",
                        params.accountId()).body(ClientCore.json(params.fields()._json()), "application/json"),
                ProfileGetResponse::fromJson);
    }
}
