package dev.paygo.auth;

import dev.paygo.account.RequestAccount;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.paging.Page;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.paging.PageRequest;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP adapter of account API tokens ({@code /accounts/{id}/tokens}) and of token verification
 * ({@code /user/tokens/verify}, {@code /accounts/{id}/tokens/verify}), in Cloudflare's token shape.
 */
public final class TokenController {
    private static final Set<String> TOKEN_FIELDS = Set.of("name", "policies", "not_before", "expires_on", "condition");
    private static final Set<String> POLICY_FIELDS = Set.of("id", "effect", "permission_groups", "resources");
    private static final Set<String> GROUP_FIELDS = Set.of("id", "name", "meta");

    private final TokenService tokens;
    private final JsonBody body;
    private final Responses responses;

    public TokenController(TokenService tokens, JsonBody body, Responses responses) {
        this.tokens = tokens;
        this.body = body;
        this.responses = responses;
    }

    public void create(Context ctx) {
        NewToken request = read(ctx);
        CreatedToken created = tokens.create(RequestAccount.of(ctx).id(), request, RequestPrincipal.of(ctx));
        responses.created(ctx, view(created.token(), tokens.now()).withValue(created.value()));
    }

    /**
     * {@code POST /organizations/{id}/tokens} (operator): a token that reads the organization's usage. The
     * organization must exist (the caller checked it).
     */
    public void createForOrganization(Context ctx, String organizationId) {
        NewToken request = read(ctx);
        CreatedToken created = tokens.createForOrganization(organizationId, request, RequestPrincipal.of(ctx));
        responses.created(ctx, view(created.token(), tokens.now()).withValue(created.value()));
    }

    /** {@code GET /organizations/{id}/tokens} (operator). */
    public void listForOrganization(Context ctx, String organizationId) {
        Page<ApiToken> page = tokens.list(organizationId, listing(ctx));
        Instant now = tokens.now();
        responses.page(ctx, new Page<>(page.items().stream().map(t -> view(t, now)).toList(), page.info()));
    }

    /** {@code DELETE /organizations/{id}/tokens/{token_id}} (operator). */
    public void revokeForOrganization(Context ctx, String organizationId) {
        String tokenId = ctx.pathParam("token_id");
        tokens.revoke(organizationId, tokenId, ctx.path(), RequestPrincipal.of(ctx));
        responses.ok(ctx, Map.of("id", tokenId));
    }

    private NewToken read(Context ctx) {
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems()).allowOnly(TOKEN_FIELDS);
        String name = fields.requiredString("name", 120).orElse("");
        List<NewToken.NewPolicy> policies = new ArrayList<>();
        for (JsonFields policy : fields.objects("policies", 1, 50)) {
            policies.add(policy(policy.allowOnly(POLICY_FIELDS)));
        }
        Optional<Instant> notBefore = fields.instant("not_before");
        Optional<Instant> expiresOn = fields.instant("expires_on");
        // Cloudflare's SDK may send an empty condition; a real one (client IP ranges) would be a restriction paygo
        // cannot enforce, so it is refused rather than ignored.
        fields.object("condition").filter(condition -> !condition.fieldNames().isEmpty()).ifPresent(condition ->
                fields.problems().add(fields.pointer("condition"), "is not supported: paygo's tokens take no request "
                        + "conditions (send none, or an empty object)"));
        fields.problems().throwIfAny();
        return new NewToken(name, policies, notBefore, expiresOn);
    }

    public void list(Context ctx) {
        Page<ApiToken> page = tokens.list(RequestAccount.of(ctx).id(), listing(ctx));
        Instant now = tokens.now();
        responses.page(ctx, new Page<>(page.items().stream().map(t -> view(t, now)).toList(), page.info()));
    }

    /** {@code page}, {@code per_page}, {@code direction} (asc or desc) and {@code include_expired} (true or false). */
    private static TokenListing listing(Context ctx) {
        Problems problems = new Problems();
        PageRequest page = PageRequest.read(ctx, 20, problems);
        String direction = ctx.queryParam("direction");
        if (direction != null && !direction.equals("asc") && !direction.equals("desc")) {
            problems.addQuery("direction", "must be asc or desc");
        }
        String includeExpired = ctx.queryParam("include_expired");
        if (includeExpired != null && !includeExpired.equals("true") && !includeExpired.equals("false")) {
            problems.addQuery("include_expired", "must be true or false");
        }
        problems.throwIfAny();
        return new TokenListing(page, "desc".equals(direction), "true".equals(includeExpired));
    }

    public void revoke(Context ctx) {
        String tokenId = ctx.pathParam("token_id");
        tokens.revoke(RequestAccount.of(ctx).id(), tokenId, ctx.path(), RequestPrincipal.of(ctx));
        responses.ok(ctx, Map.of("id", tokenId));
    }

    /** {@code GET /user/tokens/verify}: any active token, or the operator credential (the guard checked it). */
    public void verifyUserToken(Context ctx) {
        Principal principal = RequestPrincipal.of(ctx);
        if (principal instanceof Principal.Operator operator) {
            responses.ok(ctx, new Verified(operator.credentialId(), "active", null, null));
        } else if (principal instanceof Principal.Token token) {
            responses.ok(ctx, verified(token.token()));
        } else {
            throw new PaygoException(ErrorCode.INVALID_API_TOKEN);
        }
    }

    /** {@code GET /accounts/{id}/tokens/verify}: an active token of that account. */
    public void verifyAccountToken(Context ctx) {
        if (RequestPrincipal.of(ctx) instanceof Principal.Token token
                && token.token().accountId().equals(ctx.pathParam("account_id"))) {
            responses.ok(ctx, verified(token.token()));
        } else {
            throw new PaygoException(ErrorCode.INVALID_API_TOKEN);
        }
    }

    private static Verified verified(ApiToken token) {
        return new Verified(token.id(), "active", token.expiresOn().orElse(null), token.notBefore().orElse(null));
    }

    private static NewToken.NewPolicy policy(JsonFields policy) {
        String effect = policy.requiredString("effect", 8).orElse("allow");
        List<String> groups = new ArrayList<>();
        for (JsonFields group : policy.objects("permission_groups", 1, 20)) {
            group.allowOnly(GROUP_FIELDS).requiredString("id", 32).ifPresent(groups::add);
        }
        Map<String, String> resources = new LinkedHashMap<>();
        Optional<JsonFields> resourceObject = policy.object("resources");
        if (resourceObject.isEmpty()) {
            policy.problems().add(policy.pointer("resources"), "is required");
        }
        resourceObject.ifPresent(r -> r.fieldNames().forEach(key ->
                r.string(key, 8).ifPresent(v -> resources.put(key, v))));
        return new NewToken.NewPolicy(effect, groups, resources);
    }

    static TokenView view(ApiToken token, Instant now) {
        List<PolicyView> policies = token.policies().stream().map(p -> new PolicyView(p.id(), p.effect().wire(),
                p.permissionGroups().stream().sorted()
                        .map(g -> new GroupView(g.id(), g.displayName())).toList(),
                resources(p))).toList();
        return new TokenView(token.id(), token.name(), token.status(now), token.issuedOn(), token.modifiedOn(),
                token.notBefore().orElse(null), token.expiresOn().orElse(null), policies, null);
    }

    private static Map<String, String> resources(Policy p) {
        Map<String, String> resources = new LinkedHashMap<>();
        p.accountIds().stream().sorted().forEach(a -> resources.put(Policy.ACCOUNT_RESOURCE_PREFIX + a, "*"));
        p.organizationIds().stream().sorted()
                .forEach(o -> resources.put(Policy.ORGANIZATION_RESOURCE_PREFIX + o, "*"));
        return resources;
    }

    /** A token on the wire; {@code value} only in the answer to its creation. */
    record TokenView(String id, String name, String status, Instant issuedOn, Instant modifiedOn, Instant notBefore,
                     Instant expiresOn, List<PolicyView> policies, String value) {
        TokenView withValue(String secret) {
            return new TokenView(id, name, status, issuedOn, modifiedOn, notBefore, expiresOn, policies, secret);
        }
    }

    /** A policy on the wire. */
    record PolicyView(String id, String effect, List<GroupView> permissionGroups, Map<String, String> resources) {
    }

    /** A permission group on the wire. */
    record GroupView(String id, String name) {
    }

    /** The result of a token verification. */
    record Verified(String id, String status, Instant expiresOn, Instant notBefore) {
    }
}
