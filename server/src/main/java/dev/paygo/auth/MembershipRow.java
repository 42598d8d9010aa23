package dev.paygo.auth;

/** One permission group a user holds on an account, joined with the user. */
public record MembershipRow(String accountId, String userId, String email, long userCreatedAtMs,
                            String permissionGroupId) {
}
