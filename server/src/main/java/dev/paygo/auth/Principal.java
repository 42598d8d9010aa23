package dev.paygo.auth;

import java.util.Map;
import java.util.Set;

/** Who is calling, once their credential has been checked. */
public sealed interface Principal {

    /** True when this caller may use {@code needed} on {@code accountId}. */
    boolean may(String accountId, PermissionGroup needed);

    /**
     * True when this caller may use {@code needed} on the organization: the operator, or a token scoped to it. An
     * account's own credentials never reach its organization.
     */
    default boolean mayOnOrganization(String organizationId, PermissionGroup needed) {
        return false;
    }

    /**
     * A stable key naming this credential ({@code token:<id>}, {@code user:<id>}, {@code operator:<id>}): its
     * requests are rate limited under it, and the tokens it creates record it as their creator.
     */
    String credentialKey();

    default boolean isOperator() {
        return false;
    }

    /** The operator: may do everything. */
    record Operator(String credentialId) implements Principal {
        @Override
        public boolean may(String accountId, PermissionGroup needed) {
            return true;
        }

        @Override
        public boolean mayOnOrganization(String organizationId, PermissionGroup needed) {
            return true;
        }

        @Override
        public String credentialKey() {
            return "operator:" + credentialId;
        }

        @Override
        public boolean isOperator() {
            return true;
        }
    }

    /** An account API token. */
    record Token(ApiToken token) implements Principal {
        @Override
        public boolean may(String accountId, PermissionGroup needed) {
            return token.allows(accountId, needed);
        }

        @Override
        public boolean mayOnOrganization(String organizationId, PermissionGroup needed) {
            return token.allowsOrganization(organizationId, needed);
        }

        @Override
        public String credentialKey() {
            return keyOf(token.id());
        }

        /** The credential key of the API token of {@code tokenId}. */
        public static String keyOf(String tokenId) {
            return "token:" + tokenId;
        }
    }

    /** A user authenticated with email and global API key, with the groups of each account they belong to. */
    record User(String userId, String email, Map<String, Set<PermissionGroup>> memberships) implements Principal {
        public User {
            memberships = Map.copyOf(memberships);
        }

        @Override
        public boolean may(String accountId, PermissionGroup needed) {
            return memberships.getOrDefault(accountId, Set.of()).stream().anyMatch(g -> g.grants(needed));
        }

        @Override
        public String credentialKey() {
            return keyOf(userId);
        }

        /** The credential key of the user of {@code userId}. */
        public static String keyOf(String userId) {
            return "user:" + userId;
        }
    }
}
