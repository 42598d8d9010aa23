package dev.paygo.http;

import dev.paygo.auth.PermissionGroup;
import java.util.Optional;

/**
 * Who may call a route: anyone, any valid credential, the operator, or a caller holding a permission
 * group on the route's {@code {account_id}}.
 */
public record Access(Kind kind, Optional<PermissionGroup> permission) {

    /** The kinds of access a route can demand. */
    public enum Kind { PUBLIC, AUTHENTICATED, OPERATOR, ACCOUNT }

    public static Access publicRoute() {
        return new Access(Kind.PUBLIC, Optional.empty());
    }

    public static Access authenticated() {
        return new Access(Kind.AUTHENTICATED, Optional.empty());
    }

    public static Access operator() {
        return new Access(Kind.OPERATOR, Optional.empty());
    }

    public static Access account(PermissionGroup permission) {
        return new Access(Kind.ACCOUNT, Optional.of(permission));
    }
}
