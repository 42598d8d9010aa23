package dev.paygo.client;

import dev.paygo.client.core.ClientCore;

/** {@code client.billing()}: profiles and usage, as in Cloudflare's SDKs. Thread-safe. */
public final class BillingService {
    private final ProfilesService profiles;
    private final UsageService usage;

    BillingService(ClientCore core) {
        this.profiles = new ProfilesService(core);
        this.usage = new UsageService(core);
    }

    public ProfilesService profiles() {
        return profiles;
    }

    public UsageService usage() {
        return usage;
    }
}
