package dev.paygo.org;

import dev.paygo.account.RequestAccount;
import dev.paygo.auth.TokenController;
import dev.paygo.error.Problems;
import dev.paygo.paging.Page;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.paging.PageRequest;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP adapter of organizations (the operator's): {@code POST/GET /organizations}, {@code GET
 * /organizations/{id}} (also the organization's token), {@code PUT/DELETE /organizations/{id}/accounts/{account_id}}
 * and the organization's tokens, {@code POST/GET /organizations/{id}/tokens} and {@code DELETE
 * /organizations/{id}/tokens/{token_id}}.
 */
public final class OrganizationController {
    private final OrganizationService organizations;
    private final TokenController tokens;
    private final JsonBody body;
    private final Responses responses;

    public OrganizationController(OrganizationService organizations, TokenController tokens, JsonBody body,
                                  Responses responses) {
        this.organizations = organizations;
        this.tokens = tokens;
        this.body = body;
        this.responses = responses;
    }

    public void create(Context ctx) {
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems()).allowOnly(Set.of("name"));
        Optional<String> name = fields.requiredString("name", OrganizationService.MAX_NAME);
        fields.problems().throwIfAny();
        responses.created(ctx, view(organizations.create(name.orElseThrow())));
    }

    public void list(Context ctx) {
        Page<Organization> page = organizations.list(PageRequest.from(ctx, 20));
        responses.page(ctx, new Page<>(page.items().stream().map(OrganizationController::view).toList(),
                page.info()));
    }

    public void get(Context ctx) {
        responses.ok(ctx, view(organizations.get(id(ctx), ctx.path())));
    }

    public void addAccount(Context ctx) {
        responses.ok(ctx, view(organizations.addAccount(id(ctx), RequestAccount.of(ctx).id(), ctx.path())));
    }

    public void removeAccount(Context ctx) {
        responses.ok(ctx, view(organizations.removeAccount(id(ctx), RequestAccount.of(ctx).id(), ctx.path())));
    }

    public void createToken(Context ctx) {
        tokens.createForOrganization(ctx, organizations.get(id(ctx), ctx.path()).id());
    }

    public void listTokens(Context ctx) {
        tokens.listForOrganization(ctx, organizations.get(id(ctx), ctx.path()).id());
    }

    public void revokeToken(Context ctx) {
        tokens.revokeForOrganization(ctx, organizations.get(id(ctx), ctx.path()).id());
    }

    private static String id(Context ctx) {
        return ctx.pathParam("organization_id");
    }

    private static OrganizationView view(Organization o) {
        return new OrganizationView(o.id(), o.name(), o.createdOn(), o.accountIds());
    }

    /** An organization on the wire: its member accounts by id. */
    record OrganizationView(String id, String name, Instant createdOn, List<String> accounts) {
    }
}
