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

    /** True when a deny-free allow policy grants {@code needed} on {@code accountId}. */
    public boolean allows(String accountId, PermissionGroup needed) {
        boolean denied = policies.stream()
                .anyMatch(p -> p.effect() == Policy.Effect.DENY && p.covers(accountId, needed));
        return !denied && policies.stream()
                .anyMatch(p -> p.effect() == Policy.Effect.ALLOW && p.covers(accountId, needed));
    }
}
