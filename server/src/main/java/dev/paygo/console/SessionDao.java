package dev.paygo.console;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of console sessions. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(SessionRow.class)
public interface SessionDao {
    @SqlUpdate
    void insert(@BindMethods SessionRow row);

    /** The session of this cookie hash unless it has expired. */
    @SqlQuery
    Optional<SessionRow> findLive(@Bind("idHash") String idHash, @Bind("nowMs") long nowMs);

    @SqlUpdate
    int delete(@Bind("idHash") String idHash);

    /** Forgets sessions that have expired (they could not be used anyway). */
    @SqlUpdate
    int deleteExpired(@Bind("nowMs") long nowMs);
}
