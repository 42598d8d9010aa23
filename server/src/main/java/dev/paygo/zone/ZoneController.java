package dev.paygo.zone;

import dev.paygo.account.RequestAccount;
import dev.paygo.account.Account;
import dev.paygo.error.Problems;
import dev.paygo.http.JsonBody;
import dev.paygo.json.JsonFields;
import dev.paygo.http.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP adapter of zone names: {@code PUT /accounts/{id}/zones/{zone_id}} with {@code {"name": ...}} (Billing
 * Write) and {@code GET /accounts/{id}/zones} (Billing Read).
 */
public final class ZoneController {
    private final ZoneService zones;
    private final JsonBody body;
    private final Responses responses;

    public ZoneController(ZoneService zones, JsonBody body, Responses responses) {
        this.zones = zones;
        this.body = body;
        this.responses = responses;
    }

    public void put(Context ctx) {
        Account account = RequestAccount.of(ctx);
        JsonFields fields = JsonFields.root(body.parse(ctx), new Problems()).allowOnly(Set.of("name"));
        Optional<String> name = fields.requiredString("name", ZoneService.MAX_NAME);
        fields.problems().throwIfAny();
        responses.ok(ctx, view(zones.name(account, ctx.pathParam("zone_id"), name.orElseThrow())));
    }

    public void list(Context ctx) {
        responses.ok(ctx, zones.list(RequestAccount.of(ctx)).stream().map(ZoneController::view).toList());
    }

    private static ZoneView view(ZoneRow row) {
        return new ZoneView(row.zoneId(), row.name(), Instant.ofEpochMilli(row.updatedAtMs()));
    }

    /** A named zone as the API shows it. */
    record ZoneView(String id, String name, Instant modifiedOn) {
    }
}
