package dev.paygo.auth;

import dev.paygo.error.ApiError;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.id.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Users with a global API key (37 lowercase hex characters, stored as SHA-256) and their account
 * memberships. Emails are compared in lower case. Thread-safe.
 */
public final class UserService {
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    public static final Pattern API_KEY = Pattern.compile("[0-9a-f]{37}");
    private static final String NO_SUCH_HASH = Secrets.hash("no such user");

    private final Jdbi jdbi;
    private final Clock clock;

    private final TokenService tokens;

    /** @param tokens revokes the tokens a member created when the member is removed */
    public UserService(Jdbi jdbi, Clock clock, TokenService tokens) {
        this.tokens = tokens;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Creates a user; 409 when the email is taken. */
    public CreatedUser create(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw PaygoException.invalid("/email", "must be an email address");
        }
        String apiKey = Ids.hex(19).substring(0, 37);
        User user = new User(Ids.hex32(), normalized, clock.instant());
        int inserted = jdbi.withExtension(UserDao.class,
                dao -> dao.insert(user.id(), user.email(), Secrets.hash(apiKey), user.createdOn().toEpochMilli()));
        if (inserted == 0) {
            // Permanent: tell SDKs that retry 409s by default not to.
            throw new PaygoException(ErrorCode.CONFLICT.status(), List.of(ApiError.of(ErrorCode.CONFLICT,
                    "A user with this email exists already")), Map.of("X-Should-Retry", "false"));
        }
        return new CreatedUser(user, apiKey);
    }

    /** The user whose email and global API key these are, with their memberships. */
    public Optional<Principal.User> authenticate(String email, String apiKey) {
        String presented = Secrets.hash(apiKey);
        Optional<UserRow> row = jdbi.withExtension(UserDao.class,
                dao -> dao.findByEmail(email.strip().toLowerCase(Locale.ROOT)));
        // Compare against a dummy hash for unknown emails so both paths take the same time.
        boolean matches = Secrets.sameHash(row.map(UserRow::apiKeyHash).orElse(NO_SUCH_HASH), presented);
        if (row.isEmpty() || !matches) {
            return Optional.empty();
        }
        Map<String, Set<PermissionGroup>> memberships = new HashMap<>();
        jdbi.withExtension(UserDao.class, dao -> dao.listMembershipsOfUser(row.get().id())).forEach(m ->
                PermissionGroup.byId(m.permissionGroupId()).ifPresent(g ->
                        memberships.computeIfAbsent(m.accountId(), a -> EnumSet.noneOf(PermissionGroup.class)).add(g)));
        return Optional.of(new Principal.User(row.get().id(), row.get().email(), memberships));
    }

    /** Adds a user (by email) to an account with these permission groups (added to any held already). */
    public Member addMember(String accountId, String email, List<String> permissionGroupIds) {
        Problems problems = new Problems();
        Optional<UserRow> user = jdbi.withExtension(UserDao.class,
                dao -> dao.findByEmail(email == null ? "" : email.strip().toLowerCase(Locale.ROOT)));
        if (user.isEmpty()) {
            problems.add("/email", "names no user: create the user first with POST /users");
        }
        if (permissionGroupIds.isEmpty()) {
            problems.add("/permission_groups", "must name at least one permission group");
        }
        for (int i = 0; i < permissionGroupIds.size(); i++) {
            if (PermissionGroup.byId(permissionGroupIds.get(i)).isEmpty()) {
                problems.add("/permission_groups/" + i + "/id", "is not a known permission group");
            }
        }
        problems.throwIfAny();
        long now = clock.instant().toEpochMilli();
        jdbi.useTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            permissionGroupIds.forEach(g -> dao.insertMembership(accountId, user.get().id(), g, now));
        });
        return listMembers(accountId).stream().filter(m -> m.user().id().equals(user.get().id())).findFirst()
                .orElseThrow();
    }

    /**
     * Removes a user from an account, and revokes the API tokens they created on it (a token never outlives
     * its creator's rights); 404 when they are not a member.
     */
    public void removeMember(String accountId, String userId, String path) {
        if (jdbi.withExtension(UserDao.class, dao -> dao.deleteMembership(accountId, userId)) == 0) {
            throw PaygoException.notFound(path);
        }
        tokens.revokeCreatedBy(accountId, Principal.User.keyOf(userId));
    }

    public List<Member> listMembers(String accountId) {
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, Set<PermissionGroup>> groups = new HashMap<>();
        for (MembershipRow row : jdbi.withExtension(UserDao.class, dao -> dao.listMembersOfAccount(accountId))) {
            users.putIfAbsent(row.userId(),
                    new User(row.userId(), row.email(), Instant.ofEpochMilli(row.userCreatedAtMs())));
            PermissionGroup.byId(row.permissionGroupId()).ifPresent(g ->
                    groups.computeIfAbsent(row.userId(), u -> EnumSet.noneOf(PermissionGroup.class)).add(g));
        }
        return users.values().stream()
                .map(u -> new Member(u, groups.getOrDefault(u.id(), Set.of()))).toList();
    }
}
