package dev.paygo.auth;

import java.util.Set;

/** A user's membership of an account, with the permission groups it grants there. */
public record Member(User user, Set<PermissionGroup> permissionGroups) {
}
