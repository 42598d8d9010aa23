package dev.paygo.zone;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of zone names; every statement takes the account id. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(ZoneRow.class)
public interface ZoneDao {
    /** Names a zone, or renames it. */
    @SqlUpdate
    void upsert(@BindMethods ZoneRow row);

    /** The account's named zones, by zone id. */
    @SqlQuery
    List<ZoneRow> list(@Bind("accountId") String accountId);
}
