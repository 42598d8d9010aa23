package dev.paygo.usage;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of usage events and rollups; every read takes the account id. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(RollupRow.class)
@RegisterConstructorMapper(AllocationRow.class)
public interface UsageDao extends SqlObject {
    String INSERT_EVENT = ClasspathSqlLocator.create().locate(UsageDao.class, "insertEvent");

    /**
     * Inserts events unless their (account, id) is stored, as one JDBC batch of one prepared statement. This
     * is the ingestion hot path, so it binds positionally with plain JDBC (JDBI's per-value argument lookup
     * cost more than SQLite's insert). Returns, per event, whether it was new.
     */
    default boolean[] insertEvents(List<EventRow> rows) {
        try (PreparedStatement statement = getHandle().getConnection().prepareStatement(INSERT_EVENT)) {
            for (EventRow row : rows) {
                statement.setString(1, row.accountId());
                statement.setString(2, row.eventId());
                statement.setString(3, row.metric());
                statement.setLong(4, row.quantityUnits());
                statement.setLong(5, row.quantityAtto());
                statement.setLong(6, row.occurredAtMs());
                if (row.zoneId() == null) {
                    statement.setNull(7, Types.VARCHAR);
                } else {
                    statement.setString(7, row.zoneId());
                }
                statement.setLong(8, row.receivedAtMs());
                if (row.tags() == null) {
                    statement.setNull(9, Types.VARCHAR);
                } else {
                    statement.setString(9, row.tags());
                }
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            boolean[] stored = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0 && counts[i] != 1) {
                    // A driver that does not report per-row counts (PostgreSQL with reWriteBatchedInserts) would
                    // make duplicates indistinguishable from new events: refuse rather than miscount.
                    throw new IllegalStateException("the JDBC driver reported " + counts[i] + " rows for one insert");
                }
                stored[i] = counts[i] == 1;
            }
            return stored;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Increases the usage version of each account (in the order given), locking its row until commit. */
    @SqlBatch
    void bumpVersion(@Bind("accountId") List<String> accountIds);

    /** The account's usage version: it changes whenever usage of the account is stored. */
    @SqlQuery
    Optional<Long> findVersion(@Bind("accountId") String accountId);

    /**
     * Adds amounts to rollups, creating them as needed; per row, 1 when added, 0 when the sum would not fit the
     * stored long (then the row is left as it was).
     */
    @SqlBatch
    int[] addToRollup(@BindMethods List<RollupRow> rows);

    /** Adds amounts to allocation groups, creating them as needed. */
    @SqlBatch
    void addToAllocation(@BindMethods List<AllocationRow> rows);

    /** The allocation groups of an account on the days {@code [fromDay, toDay)}, by day, metric and group. */
    @SqlQuery
    List<AllocationRow> listAllocations(@Bind("accountId") String accountId, @Bind("fromDay") String fromDay,
                                        @Bind("toDay") String toDay);

    /** The rollups of an account on the days {@code [fromDay, toDay)} (ISO dates), by metric then day. */
    @SqlQuery
    List<RollupRow> listRollups(@Bind("accountId") String accountId, @Bind("fromDay") String fromDay,
                                @Bind("toDay") String toDay);

    /** The first UTC day (ISO date) the account has usage on, if any. */
    @SqlQuery
    Optional<String> findFirstDay(@Bind("accountId") String accountId);
}
