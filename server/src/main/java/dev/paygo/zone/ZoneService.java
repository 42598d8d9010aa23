package dev.paygo.zone;

import dev.paygo.account.Account;
import dev.paygo.error.Problems;
import dev.paygo.json.JsonFields;
import dev.paygo.id.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Names of the zones an account reports usage in: FOCUS records show them as {@code x_ZoneName}. Thread-safe. */
public final class ZoneService {
    public static final int MAX_NAME = 253;

    private final Jdbi jdbi;
    private final Clock clock;

    public ZoneService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Names (or renames) a zone of the account: a zone id is 32 lowercase hex characters, a name 1 to
     * {@value #MAX_NAME} characters without control characters (a hostname such as {@code example.com}, say).
     */
    public ZoneRow name(Account account, String zoneId, String name) {
        Problems problems = new Problems();
        if (!Ids.isHex32(zoneId)) {
            problems.add("/zone_id", "must be a zone id (32 lowercase hex characters), as the URL's last segment");
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || !JsonFields.isPlainText(trimmed)) {
            problems.add("/name", "must hold 1 to " + MAX_NAME + " characters without control characters");
        }
        problems.throwIfAny();
        ZoneRow row = new ZoneRow(account.id(), zoneId, trimmed, clock.millis());
        jdbi.useExtension(ZoneDao.class, dao -> dao.upsert(row));
        return row;
    }

    /** The account's named zones. */
    public List<ZoneRow> list(Account account) {
        return jdbi.withExtension(ZoneDao.class, dao -> dao.list(account.id()));
    }

    /** The account's zone names by zone id. */
    public Map<String, String> names(Account account) {
        return list(account).stream().collect(Collectors.toMap(ZoneRow::zoneId, ZoneRow::name));
    }
}
