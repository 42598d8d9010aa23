package dev.paygo.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A token as requested, before validation: Cloudflare's shape, with permission group ids and resources as
 * the caller sent them.
 */
public record NewToken(String name, List<NewPolicy> policies, Optional<Instant> notBefore,
                       Optional<Instant> expiresOn) {

    /** One requested policy. */
    public record NewPolicy(String effect, List<String> permissionGroupIds, Map<String, String> resources) {
    }

    /** A token that allows {@code groups} on one account: what the CLI and the demo ask for. */
    public static NewToken allowing(String name, String accountId, List<PermissionGroup> groups) {
        NewPolicy policy = new NewPolicy("allow", groups.stream().map(PermissionGroup::id).toList(),
                Map.of(Policy.ACCOUNT_RESOURCE_PREFIX + accountId, "*"));
        return new NewToken(name, List.of(policy), Optional.empty(), Optional.empty());
    }
}
