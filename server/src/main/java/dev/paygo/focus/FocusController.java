package dev.paygo.focus;

import dev.paygo.account.RequestAccount;
import dev.paygo.account.Account;
import dev.paygo.http.Responses;
import dev.paygo.org.OrganizationService;
import dev.paygo.rating.UsageWindow;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * HTTP adapter of FOCUS records: {@code GET /accounts/{id}/billable/usage} (Billing Read) and
 * {@code GET /organizations/{id}/billable/usage} (the operator or the organization's token), as JSON, and their
 * {@code /export} as CSV or Parquet, streamed. Query: {@code from}, {@code to}, {@code group_by} (repeatable).
 */
public final class FocusController {
    /** The longest range of one export. */
    public static final int MAX_EXPORT_DAYS = 366;

    private final FocusService focus;
    private final OrganizationService organizations;
    private final Responses responses;

    public FocusController(FocusService focus, OrganizationService organizations, Responses responses) {
        this.focus = focus;
        this.organizations = organizations;
        this.responses = responses;
    }

    public void account(Context ctx) {
        Account account = RequestAccount.of(ctx);
        UsageWindow window = focus.window(ctx::queryParam);
        GroupBy groupBy = GroupBy.parse(ctx.queryParams("group_by"));
        responses.ok(ctx, focus.records(account, window, groupBy));
    }

    /**
     * An organization's records: every member's. An organization that does not exist has none (Cloudflare answers
     * an empty list rather than an error); only the operator can ask about one.
     */
    public void organization(Context ctx) {
        UsageWindow window = focus.window(ctx::queryParam);
        GroupBy groupBy = GroupBy.parse(ctx.queryParams("group_by"));
        List<Account> members = organizations.find(ctx.pathParam("organization_id"))
                .map(organizations::members).orElse(List.of());
        responses.ok(ctx, focus.records(members, window, groupBy));
    }

    public void exportAccount(Context ctx) {
        Account account = RequestAccount.of(ctx);
        export(ctx, List.of(account), "account-" + account.id());
    }

    public void exportOrganization(Context ctx) {
        String id = ctx.pathParam("organization_id");
        List<Account> members = organizations.find(id).map(organizations::members).orElse(List.of());
        export(ctx, members, "organization-" + id);
    }

    /** Checks every parameter before the first byte: once streaming, the status is sent. */
    private void export(Context ctx, List<Account> members, String label) {
        ExportFormat format = ExportFormat.parse(ctx.queryParam("format"));
        UsageWindow window = UsageWindow.parseRange(ctx::queryParam, focus.today(), MAX_EXPORT_DAYS);
        GroupBy groupBy = GroupBy.parse(ctx.queryParams("group_by"));
        String file = "paygo-focus-" + label + "-" + window.from() + "-" + window.to() + "." + format.extension();
        responses.stream(ctx, format.contentType(), file, out -> write(format, out, members, window, groupBy));
    }

    /** Writes the members' records of the window to {@code out} in {@code format}, streaming. */
    public void write(ExportFormat format, OutputStream out, List<Account> members, UsageWindow window,
                      GroupBy groupBy) throws IOException {
        try (FocusWriter writer = FocusWriter.open(format, out)) {
            focus.stream(members, window.from(), window.to(), groupBy, writer::write);
        }
    }
}
