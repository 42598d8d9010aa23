package dev.paygo.routing;

import dev.paygo.auth.PermissionGroup;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call a route. Every route declares one (the route table refuses a route without it), and the
 * authorization matrix test derives each route's expected answer for every kind of credential from it.
 *
 * <ul>
 *   <li>{@link Kind#PUBLIC}: anyone, no credential read;</li>
 *   <li>{@link Kind#TOKEN_ITSELF}: a bearer token asking about itself (the verify endpoints): an unusable token
 *       is 401 / 1000 rather than 403 / 9109;</li>
 *   <li>{@link Kind#AUTHENTICATED}: any valid credential;</li>
 *   <li>{@link Kind#OPERATOR}: only the operator;</li>
 *   <li>{@link Kind#ACCOUNT}: a caller holding every one of {@link #permissions()} on the route's
 *       {@code {account_id}};</li>
 *   <li>{@link Kind#ORGANIZATION}: a caller holding every one of {@link #permissions()} on the route's
 *       {@code {organization_id}}: the operator or a token of that organization (never an account's own
 *       credential);</li>
 *   <li>{@link Kind#ACCOUNTS_IN_BODY}: a caller holding the permissions on every account the body names (the
 *       controller checks them once the body is read).</li>
 * </ul>
 */
public record Access(Kind kind, Set<PermissionGroup> permissions) {

    /** The kinds of access a route can demand. */
    public enum Kind { PUBLIC, TOKEN_ITSELF, AUTHENTICATED, OPERATOR, ACCOUNT, ORGANIZATION, ACCOUNTS_IN_BODY }

    public Access {
        permissions = Set.copyOf(permissions);
    }

    public static Access publicRoute() {
        return new Access(Kind.PUBLIC, Set.of());
    }

    public static Access tokenItself() {
        return new Access(Kind.TOKEN_ITSELF, Set.of());
    }

    public static Access authenticated() {
        return new Access(Kind.AUTHENTICATED, Set.of());
    }

    public static Access operator() {
        return new Access(Kind.OPERATOR, Set.of());
    }

    /** Every one of {@code needed} on the route's account. */
    public static Access account(PermissionGroup first, PermissionGroup... more) {
        return new Access(Kind.ACCOUNT, EnumSet.of(first, more));
    }

    /** Every one of {@code needed} on the route's organization. */
    public static Access organization(PermissionGroup first, PermissionGroup... more) {
        return new Access(Kind.ORGANIZATION, EnumSet.of(first, more));
    }

    /** {@code needed} on every account the request's body names. */
    public static Access accountsInBody(PermissionGroup needed) {
        return new Access(Kind.ACCOUNTS_IN_BODY, Set.of(needed));
    }

    /** True when a caller must present a credential. */
    public boolean needsCredential() {
        return kind != Kind.PUBLIC;
    }
}
