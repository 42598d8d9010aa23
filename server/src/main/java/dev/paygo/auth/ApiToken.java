package dev.paygo.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An account's API token as stored (never its value). */
public record ApiToken(String id, String accountId, String name, List<Policy> policies, Instant issuedOn,
                       Instant modifiedOn, Optional<Instant> notBefore, Optional<Instant> expiresOn) {

    /** Cloudflare's token status at {@code now}: {@code active}, {@code expired} or {@code disabled}. */
    public String status(Instant now) {
        if (expiresOn.isPresent() && !now.isBefore(expiresOn.get())) {
            return "expired";
        }
        if (notBefore.isPresent() && now.isBefore(notBefore.get())) {
            return "disabled";
        }
        return "active";
    }

    /**
     * True when an allow policy grants {@code needed} on {@code accountId} and no deny policy names it. A deny
     * removes exactly the group it names: "allow Billing Read, deny Billing Write" still reads, and Billing
     * Write implies Billing Read only where Billing Read is not denied.
     */
    public boolean allows(String accountId, PermissionGroup needed) {
        return policies.stream().noneMatch(p -> p.denies(accountId, needed))
                && policies.stream().anyMatch(p -> p.grants(accountId, needed));
    }

    /** True when an allow policy grants {@code needed} on the organization and no deny policy names it. */
    public boolean allowsOrganization(String organizationId, PermissionGroup needed) {
        return policies.stream().noneMatch(p -> p.deniesOrganization(organizationId, needed))
                && policies.stream().anyMatch(p -> p.grantsOrganization(organizationId, needed));
    }

    /** The groups this token's allow policies name (what a caller must hold itself to revoke it). */
    public java.util.Set<PermissionGroup> allowedGroups() {
        java.util.Set<PermissionGroup> groups = java.util.EnumSet.noneOf(PermissionGroup.class);
        policies.stream().filter(p -> p.effect() == Policy.Effect.ALLOW).forEach(p -> groups.addAll(p.permissionGroups()));
        return groups;
    }
}
