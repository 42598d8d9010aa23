package dev.paygo.usage;

import dev.paygo.account.RequestAccount;
import dev.paygo.auth.RequestPrincipal;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.account.AccountService;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.auth.Principal;
import dev.paygo.error.PaygoException;
import dev.paygo.error.Problems;
import dev.paygo.http.JsonBody;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Usage ingestion: {@code POST /accounts/{id}/usage/events} and {@code POST /usage/events} (Usage Write). */
public final class UsageController {
    private final UsageService usage;
    private final AccountService accounts;
    private final ObjectMapper mapper;
    private final JsonBody body;
    private final int maxEvents;
    private final Responses responses;

    public UsageController(UsageService usage, AccountService accounts, ObjectMapper mapper, JsonBody body,
                           int maxEvents, Responses responses) {
        this.usage = usage;
        this.accounts = accounts;
        this.mapper = mapper;
        this.body = body;
        this.maxEvents = maxEvents;
        this.responses = responses;
    }

    /** Events of the URL's account; they may leave {@code account_id} out. */
    public void ingestForAccount(Context ctx) {
        UsageEventReader reader = new UsageEventReader(mapper, maxEvents, Optional.of(RequestAccount.of(ctx).id()));
        List<IncomingEvent> events = reader.read(body.bytes(ctx), ctx.contentType());
        responses.ok(ctx, usage.ingest(events, reader.problems()));
    }

    /** Events of any accounts the caller holds Usage Write on; each names its account. */
    public void ingest(Context ctx) {
        UsageEventReader reader = new UsageEventReader(mapper, maxEvents, Optional.empty());
        List<IncomingEvent> events = reader.read(body.bytes(ctx), ctx.contentType());
        Principal principal = RequestPrincipal.of(ctx);
        Map<String, IncomingEvent> firstOfAccount = new LinkedHashMap<>();
        events.forEach(e -> firstOfAccount.putIfAbsent(e.event().accountId(), e));
        Problems problems = reader.problems();
        for (IncomingEvent first : firstOfAccount.values()) {
            String account = first.event().accountId();
            if (!principal.may(account, PermissionGroup.USAGE_WRITE)) {
                throw PaygoException.forbidden();
            }
            // Only the operator can name an account that does not exist (a token's scope names real ones).
            if (accounts.find(account).isEmpty()) {
                problems.add(first.accountPointer(), "names no account");
            }
        }
        responses.ok(ctx, usage.ingest(events, problems));
    }
}
