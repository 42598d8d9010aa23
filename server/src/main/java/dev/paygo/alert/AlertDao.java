package dev.paygo.alert;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of spend alerts and their firings. Every statement on an account's alerts takes its id. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AlertRow.class)
public interface AlertDao {
    @SqlUpdate
    void insert(@Bind("id") String id, @Bind("accountId") String accountId, @Bind("currency") String currency,
                @Bind("amountMinor") long amountMinor, @Bind("createdAtMs") long createdAtMs);

    /** The account's alerts, lowest amount first, with their firing in the period starting on {@code periodStart}. */
    @SqlQuery
    List<AlertRow> list(@Bind("accountId") String accountId, @Bind("periodStart") String periodStart);

    @SqlQuery
    int count(@Bind("accountId") String accountId);

    @SqlUpdate
    int delete(@Bind("accountId") String accountId, @Bind("id") String id);

    /** Records a firing unless the alert fired in that period already: 1 when this call fired it. */
    @SqlUpdate
    int fire(@Bind("alertId") String alertId, @Bind("periodStart") String periodStart, @Bind("cost") String cost,
             @Bind("firedAtMs") long firedAtMs);

    /** Accounts that have alerts, by id, a page after {@code afterId}. */
    @SqlQuery
    List<String> listAccountsWithAlerts(@Bind("afterId") String afterId, @Bind("limit") int limit);
}
