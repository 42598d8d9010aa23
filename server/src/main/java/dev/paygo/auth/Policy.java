package dev.paygo.auth;

import java.util.Set;

/**
 * One policy of an API token, as in Cloudflare's token API: it allows or denies its permission groups on
 * its accounts (resources {@code com.cloudflare.api.account.<id>}).
 */
public record Policy(String id, Effect effect, Set<PermissionGroup> permissionGroups, Set<String> accountIds) {
    public static final String ACCOUNT_RESOURCE_PREFIX = "com.cloudflare.api.account.";

    /** Whether a policy allows or denies. */
    public enum Effect {
        ALLOW, DENY;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Policy {
        permissionGroups = Set.copyOf(permissionGroups);
        accountIds = Set.copyOf(accountIds);
    }

    /** An allow policy's grant: one of its groups is {@code needed} or includes it (Billing Write: Read). */
    boolean grants(String accountId, PermissionGroup needed) {
        return effect == Effect.ALLOW && accountIds.contains(accountId)
                && permissionGroups.stream().anyMatch(g -> g.grants(needed));
    }

    /** A deny policy's refusal: it names exactly {@code needed}; denying Write leaves Read alone. */
    boolean denies(String accountId, PermissionGroup needed) {
        return effect == Effect.DENY && accountIds.contains(accountId) && permissionGroups.contains(needed);
    }
}
