package dev.paygo.usage;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.BindMethodsList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of usage events and rollups; every read takes the account id. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(StoredKey.class)
@RegisterConstructorMapper(RollupRow.class)
public interface UsageDao {
    /** Inserts events unless their (account, id) is stored; returns the keys that were new. */
    @SqlQuery
    List<StoredKey> insertEvents(@BindMethodsList(value = "rows", methodNames = {"accountId", "eventId", "metric",
            "quantityUnits", "quantityAtto", "occurredAtMs", "zoneId", "receivedAtMs"}) List<EventRow> rows);

    /** Adds amounts to rollups, creating them as needed. */
    @SqlBatch
    void addToRollup(@BindMethods List<RollupRow> rows);

    /** The rollups of an account on the days {@code [fromDay, toDay)} (ISO dates), by metric then day. */
    @SqlQuery
    List<RollupRow> listRollups(@Bind("accountId") String accountId, @Bind("fromDay") String fromDay,
                                @Bind("toDay") String toDay);
}
