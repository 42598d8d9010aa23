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

    boolean covers(String accountId, PermissionGroup needed) {
        return accountIds.contains(accountId) && permissionGroups.stream().anyMatch(g -> g.grants(needed));
    }
}
