package dev.paygo.client.models;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Params of {@code tokens().create(...)}: Cloudflare's token shape for one account. Immutable. */
public final class TokenCreateParams {
    private final String accountId;
    private final String name;
    private final List<TokenPolicy> policies;
    private final OffsetDateTime notBefore;
    private final OffsetDateTime expiresOn;

    private TokenCreateParams(Builder b) {
        this.accountId = b.accountId;
        this.name = b.name;
        this.policies = List.copyOf(b.policies);
        this.notBefore = b.notBefore;
        this.expiresOn = b.expiresOn;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public List<TokenPolicy> policies() {
        return policies;
    }

    public Optional<OffsetDateTime> notBefore() {
        return Optional.ofNullable(notBefore);
    }

    public Optional<OffsetDateTime> expiresOn() {
        return Optional.ofNullable(expiresOn);
    }

    /** Builds {@link TokenCreateParams}; account, name and at least one policy are required. */
    public static final class Builder {
        private String accountId;
        private String name;
        private final List<TokenPolicy> policies = new ArrayList<>();
        private OffsetDateTime notBefore;
        private OffsetDateTime expiresOn;

        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder addPolicy(TokenPolicy policy) {
            policies.add(policy);
            return this;
        }

        /** Adds a policy allowing the permission groups (by id) on this params' account. */
        public Builder allow(String... permissionGroupIds) {
            Require.present("TokenCreateParams", "accountId (set it before allow)", accountId);
            List<PermissionGroupRef> groups = new ArrayList<>();
            for (String id : permissionGroupIds) {
                groups.add(PermissionGroupRef.builder().id(id).build());
            }
            return addPolicy(TokenPolicy.builder().effect("allow").permissionGroups(groups)
                    .resources(java.util.Map.of("com.cloudflare.api.account." + accountId, "*")).build());
        }

        public Builder notBefore(OffsetDateTime value) {
            notBefore = value;
            return this;
        }

        public Builder expiresOn(OffsetDateTime value) {
            expiresOn = value;
            return this;
        }

        public TokenCreateParams build() {
            Require.accountId("TokenCreateParams", accountId);
            Require.present("TokenCreateParams", "name", name);
            if (policies.isEmpty()) {
                throw new IllegalStateException("TokenCreateParams: at least one policy is required");
            }
            return new TokenCreateParams(this);
        }
    }
}
