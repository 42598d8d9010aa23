package dev.paygo.auth;

import java.util.Map;
import java.util.Set;

/** Who is calling, once their credential has been checked. */
public sealed interface Principal {

    /** True when this caller may use {@code needed} on {@code accountId}. */
    boolean may(String accountId, PermissionGroup needed);

    /** The key under which this caller's requests are rate limited. */
    String rateKey();

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
        public String rateKey() {
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
        public String rateKey() {
            return "token:" + token.id();
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
        public String rateKey() {
            return "user:" + userId;
        }
    }
}
