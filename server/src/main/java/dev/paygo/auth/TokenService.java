package dev.paygo.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.paging.Page;
import dev.paygo.paging.PageRequest;
import dev.paygo.id.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Account API tokens: creation in Cloudflare's shape, listing, revocation, and authentication of a
 * presented value. Values are 40 URL-safe characters (240 random bits), stored only as SHA-256. Thread-safe.
 */
public final class TokenService {
    static final int VALUE_LENGTH = 40;
    private static final TypeReference<List<StoredPolicy>> STORED = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final Clock clock;
    private final ObjectMapper mapper;

    public TokenService(Jdbi jdbi, Clock clock, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.mapper = mapper;
    }

    /**
     * Creates a token for {@code accountId}. Its resources may only name that account. A creator who is not the
     * operator may only allow permission groups it holds itself on the account, and a token created by a token
     * never outlives it: it expires no later than its creator (by default when its creator does), and revoking
     * the creator revokes it too.
     */
    public CreatedToken create(String accountId, NewToken request, Principal creator) {
        return create(accountId, false, request, creator);
    }

    /**
     * Creates a token of an organization (the operator's call): its resources may only name the organization, as
     * {@code com.cloudflare.api.organization.<id>}, and it may only read (Billing Read). It reads the organization's
     * usage, nothing of any account. It is stored, listed and revoked under the organization's id.
     */
    public CreatedToken createForOrganization(String organizationId, NewToken request, Principal creator) {
        return create(organizationId, true, request, creator);
    }

    private CreatedToken create(String accountId, boolean organization, NewToken request, Principal creator) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Policy> policies = validate(accountId, organization, request, creator, now);
        Optional<Instant> expiresOn = request.expiresOn().or(() -> creatorExpiry(creator));
        String value = Ids.secret(VALUE_LENGTH);
        ApiToken token = new ApiToken(Ids.hex32(), accountId, request.name().strip(), policies, now, now,
                request.notBefore(), expiresOn);
        TokenRow row = new TokenRow(token.id(), accountId, token.name(), Secrets.hash(value), write(policies),
                now.toEpochMilli(), now.toEpochMilli(), millis(token.notBefore()), millis(token.expiresOn()), null,
                creator.credentialKey());
        jdbi.useExtension(TokenDao.class, dao -> dao.insert(row));
        return new CreatedToken(token, value);
    }

    /** The unrevoked tokens of an account (or organization) that {@code listing} asks for. */
    public Page<ApiToken> list(String accountId, TokenListing listing) {
        long nowMs = clock.millis();
        PageRequest page = listing.page();
        return jdbi.withExtension(TokenDao.class, dao -> {
            List<ApiToken> items = dao.listUnrevoked(accountId, nowMs, listing.includeExpired(),
                    listing.newestFirst(), page.perPage(), page.offset()).stream().map(this::toToken).toList();
            return Page.of(items, page, dao.countUnrevoked(accountId, nowMs, listing.includeExpired()));
        });
    }

    private static Optional<Instant> creatorExpiry(Principal creator) {
        return creator instanceof Principal.Token token ? token.token().expiresOn() : Optional.empty();
    }

    /**
     * Revokes a token of the account, and every token created with it (transitively), at once; 404 when the
     * account has no such unrevoked token. A caller other than the operator may only revoke a token whose
     * allowed groups it holds itself (one it could have created): 403 otherwise.
     */
    public void revoke(String accountId, String tokenId, String path, Principal caller) {
        ApiToken token = jdbi.withExtension(TokenDao.class, dao -> dao.findUnrevoked(accountId, tokenId))
                .map(this::toToken).orElseThrow(() -> PaygoException.notFound(path));
        if (!caller.isOperator() && !token.allowedGroups().stream().allMatch(g -> caller.may(accountId, g))) {
            throw PaygoException.forbidden();
        }
        if (revokeWithDescendants(accountId, List.of(tokenId)) == 0) {
            throw PaygoException.notFound(path);
        }
    }

    /** Revokes the tokens a credential ({@link Principal#credentialKey()}) created on the account, transitively. */
    public int revokeCreatedBy(String accountId, String credentialKey) {
        List<String> created = jdbi.withExtension(TokenDao.class,
                dao -> dao.listUnrevokedCreatedBy(accountId, credentialKey));
        return revokeWithDescendants(accountId, created);
    }

    private int revokeWithDescendants(String accountId, List<String> tokenIds) {
        long now = clock.instant().toEpochMilli();
        return jdbi.inTransaction(h -> {
            TokenDao dao = h.attach(TokenDao.class);
            int revoked = 0;
            java.util.Deque<String> pending = new java.util.ArrayDeque<>(tokenIds);
            while (!pending.isEmpty()) {
                String id = pending.pop();
                if (dao.revoke(accountId, id, now) == 1) {
                    revoked++;
                    pending.addAll(dao.listUnrevokedCreatedBy(accountId, Principal.Token.keyOf(id)));
                }
            }
            return revoked;
        });
    }

    /** The token a presented value belongs to, when it is unrevoked (it may still be expired). */
    public Optional<ApiToken> findByValue(String value) {
        return findByHash(Secrets.hash(value));
    }

    Optional<ApiToken> findByHash(String hash) {
        return jdbi.withExtension(TokenDao.class, dao -> dao.findUnrevokedByHash(hash))
                .filter(row -> Secrets.sameHash(row.valueHash(), hash))
                .map(this::toToken);
    }

    /** The token a presented value belongs to, when it is usable now (unrevoked, started, not expired). */
    public Optional<ApiToken> authenticate(String value) {
        return authenticateHash(Secrets.hash(value));
    }

    Optional<ApiToken> authenticateHash(String hash) {
        Instant now = clock.instant();
        return findByHash(hash).filter(t -> t.status(now).equals("active"));
    }

    public Instant now() {
        return clock.instant();
    }

    private List<Policy> validate(String accountId, boolean organization, NewToken request, Principal creator,
                                  Instant now) {
        Problems problems = new Problems();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            problems.add("/name", "must hold 1 to 120 characters");
        }
        if (request.policies().isEmpty() || request.policies().size() > 50) {
            problems.add("/policies", "must hold 1 to 50 policies");
        }
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < request.policies().size(); i++) {
            policies.add(policy(accountId, organization, request.policies().get(i), "/policies/" + i, creator,
                    problems));
        }
        request.expiresOn().filter(e -> !e.isAfter(now))
                .ifPresent(e -> problems.add("/expires_on", "must be in the future"));
        creatorExpiry(creator).ifPresent(limit -> request.expiresOn().filter(e -> e.isAfter(limit)).ifPresent(e ->
                problems.add("/expires_on", "must not be after " + limit + ", when the token creating it expires")));
        if (request.notBefore().isPresent() && request.expiresOn().isPresent()
                && !request.notBefore().get().isBefore(request.expiresOn().get())) {
            problems.add("/not_before", "must be before expires_on");
        }
        problems.throwIfAny();
        return policies;
    }

    private Policy policy(String accountId, boolean organization, NewToken.NewPolicy requested, String pointer,
                          Principal creator, Problems problems) {
        Policy.Effect effect = Policy.Effect.ALLOW;
        if ("deny".equals(requested.effect())) {
            effect = Policy.Effect.DENY;
        } else if (!"allow".equals(requested.effect())) {
            problems.add(pointer + "/effect", "must be allow or deny");
        }
        Set<PermissionGroup> groups = new LinkedHashSet<>();
        List<String> ids = requested.permissionGroupIds();
        if (ids.isEmpty()) {
            problems.add(pointer + "/permission_groups", "must name at least one permission group");
        }
        for (int j = 0; j < ids.size(); j++) {
            Optional<PermissionGroup> group = PermissionGroup.byId(ids.get(j));
            if (group.isEmpty()) {
                problems.add(pointer + "/permission_groups/" + j + "/id",
                        "is not a known permission group (Billing Read " + PermissionGroup.BILLING_READ.id()
                                + ", Billing Write " + PermissionGroup.BILLING_WRITE.id() + ", Usage Write "
                                + PermissionGroup.USAGE_WRITE.id() + ")");
            } else if (organization && group.get() != PermissionGroup.BILLING_READ) {
                problems.add(pointer + "/permission_groups/" + j + "/id", "must be Billing Read "
                        + PermissionGroup.BILLING_READ.id() + ": an organization's token only reads its usage");
            } else if (!organization && effect == Policy.Effect.ALLOW && !creator.may(accountId, group.get())) {
                problems.add(pointer + "/permission_groups/" + j + "/id",
                        "grants " + group.get().displayName() + ", which the caller does not hold itself");
            } else {
                groups.add(group.get());
            }
        }
        String ownResource = (organization ? Policy.ORGANIZATION_RESOURCE_PREFIX : Policy.ACCOUNT_RESOURCE_PREFIX)
                + accountId;
        String scope = organization ? "organization" : "account";
        if (requested.resources().isEmpty()) {
            problems.add(pointer + "/resources", "must name the " + scope + ", as {\"" + ownResource + "\": \"*\"}");
        }
        for (Map.Entry<String, String> resource : requested.resources().entrySet()) {
            String at = pointer + "/resources/" + resource.getKey().replace("~", "~0").replace("/", "~1");
            if (!resource.getKey().equals(ownResource)) {
                problems.add(at, "must be " + ownResource + ": a token can only be scoped to its own " + scope);
            } else if (!"*".equals(resource.getValue())) {
                problems.add(at, "must be \"*\"");
            }
        }
        return organization ? new Policy(Ids.hex32(), effect, groups, Set.of(), Set.of(accountId))
                : new Policy(Ids.hex32(), effect, groups, Set.of(accountId));
    }

    private ApiToken toToken(TokenRow row) {
        return new ApiToken(row.id(), row.accountId(), row.name(), read(row.policiesJson()),
                Instant.ofEpochMilli(row.issuedAtMs()), Instant.ofEpochMilli(row.modifiedAtMs()),
                Optional.ofNullable(row.notBeforeMs()).map(Instant::ofEpochMilli),
                Optional.ofNullable(row.expiresAtMs()).map(Instant::ofEpochMilli));
    }

    private String write(List<Policy> policies) {
        List<StoredPolicy> stored = policies.stream().map(p -> new StoredPolicy(p.id(), p.effect().wire(),
                p.permissionGroups().stream().map(PermissionGroup::id).sorted().toList(),
                p.accountIds().stream().sorted().toList(),
                p.organizationIds().isEmpty() ? null : p.organizationIds().stream().sorted().toList())).toList();
        try {
            return mapper.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policies are plain data", e);
        }
    }

    private List<Policy> read(String json) {
        try {
            return mapper.readValue(json, STORED).stream().map(p -> new Policy(p.id(),
                    Policy.Effect.valueOf(p.effect().toUpperCase(java.util.Locale.ROOT)),
                    p.permissionGroups().stream().map(PermissionGroup::byId).flatMap(Optional::stream)
                            .collect(java.util.stream.Collectors.toSet()),
                    Set.copyOf(p.accounts()),
                    p.organizations() == null ? Set.of() : Set.copyOf(p.organizations()))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policies are unreadable", e);
        }
    }

    private static Long millis(Optional<Instant> instant) {
        return instant.map(Instant::toEpochMilli).orElse(null);
    }

    /** A policy as stored in {@code api_tokens.policies_json}. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record StoredPolicy(String id, String effect, List<String> permissionGroups, List<String> accounts,
                        List<String> organizations) {
    }
}
