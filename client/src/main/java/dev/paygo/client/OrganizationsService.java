package dev.paygo.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.core.ApiRequest;
import dev.paygo.client.core.ClientCore;
import dev.paygo.client.models.BillableUsageParams;
import dev.paygo.client.models.FocusRecord;
import dev.paygo.client.models.Organization;
import dev.paygo.client.models.PageParams;
import dev.paygo.client.models.Token;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code client.organizations()}: organizations group accounts whose usage is reported together. Creating them,
 * their members and their tokens is the operator's; an organization's token reads its {@link #usage} and
 * {@link #export}. Thread-safe.
 */
public final class OrganizationsService extends Resources {
    /** Cloudflare's Billing Read permission group. */
    private static final String BILLING_READ = "7cf72faf220841aabcfdfab81c43c4f6";

    OrganizationsService(ClientCore core) {
        super(core);
    }

    public Organization create(String name) {
        ObjectNode body = ClientCore.MAPPER.createObjectNode().put("name", name);
        return one(ApiRequest.of("POST", "/organizations").body(ClientCore.json(body), "application/json"),
                Organization::fromJson);
    }

    /** One page of organizations, oldest first. */
    public Page<Organization> list(PageParams params) {
        return page(ApiRequest.of("GET", "/organizations"), params, Organization::fromJson, this::list);
    }

    public Organization get(String organizationId) {
        return one(ApiRequest.of("GET", "/organizations/{}", organizationId), Organization::fromJson);
    }

    /** Adds an account (an account belongs to at most one organization). */
    public Organization addAccount(String organizationId, String accountId) {
        return one(ApiRequest.of("PUT", "/organizations/{}/accounts/{}", organizationId, accountId),
                Organization::fromJson);
    }

    public Organization removeAccount(String organizationId, String accountId) {
        return one(ApiRequest.of("DELETE", "/organizations/{}/accounts/{}", organizationId, accountId),
                Organization::fromJson);
    }

    /**
     * Creates a token that reads the organization's usage: one policy allowing Billing Read on
     * {@code com.cloudflare.api.organization.ID}; the value is in the answer, shown once.
     */
    public Token createToken(String organizationId, String name) {
        ObjectNode body = ClientCore.MAPPER.createObjectNode().put("name", name);
        ObjectNode policy = body.putArray("policies").addObject().put("effect", "allow");
        policy.putArray("permission_groups").addObject().put("id", BILLING_READ);
        policy.putObject("resources").put("com.cloudflare.api.organization." + organizationId, "*");
        return one(ApiRequest.of("POST", "/organizations/{}/tokens", organizationId)
                .body(ClientCore.json(body), "application/json"), Token::fromJson);
    }

    /**
     * The members' FOCUS records (Cloudflare's {@code organizations.billing.usage.get}); the params name the
     * organization.
     */
    public List<FocusRecord> usage(BillableUsageParams params) {
        return many(UsageService.focus(params, ""), FocusRecord::fromJson);
    }

    /** Writes the members' FOCUS records to {@code file} as CSV or Parquet, streamed. */
    public Path export(BillableUsageParams params, UsageService.ExportFormat format, Path file) {
        return core.download(UsageService.focus(params, "/export").query(Map.of("format", format.wire())), file);
    }
}
