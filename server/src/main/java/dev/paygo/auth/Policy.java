package dev.paygo.auth;

import java.util.Set;

/**
 * One policy of an API token, as in Cloudflare's token API: it allows or denies its permission groups on
 * its accounts (resources {@code com.cloudflare.api.account.<id>}) or organizations
 * ({@code com.cloudflare.api.organization.<id>}).
 */
public record Policy(String id, Effect effect, Set<PermissionGroup> permissionGroups, Set<String> accountIds,
                     Set<String> organizationIds) {
    public static final String ACCOUNT_RESOURCE_PREFIX = "com.cloudflare.api.account.";
    public static final String ORGANIZATION_RESOURCE_PREFIX = "com.cloudflare.api.organization.";

    public Policy(String id, Effect effect, Set<PermissionGroup> permissionGroups, Set<String> accountIds) {
        this(id, effect, permissionGroups, accountIds, Set.of());
    }

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
        organizationIds = Set.copyOf(organizationIds);
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

    /** An allow policy's grant on an organization. */
    boolean grantsOrganization(String organizationId, PermissionGroup needed) {
        return effect == Effect.ALLOW && organizationIds.contains(organizationId)
                && permissionGroups.stream().anyMatch(g -> g.grants(needed));
    }

    /** A deny policy's refusal on an organization. */
    boolean deniesOrganization(String organizationId, PermissionGroup needed) {
        return effect == Effect.DENY && organizationIds.contains(organizationId) && permissionGroups.contains(needed);
    }
}
