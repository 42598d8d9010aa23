package dev.paygo.limit;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the shared token buckets. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(BucketRow.class)
public interface LimitDao {
    /** Creates the bucket full if it is new, and takes its row lock until the transaction ends. */
    @SqlUpdate
    void lockOrCreate(@Bind("key") String key, @Bind("tokensMicro") long tokensMicro, @Bind("nowMs") long nowMs);

    @SqlQuery
    Optional<BucketRow> find(@Bind("key") String key);

    @SqlUpdate
    void update(@Bind("key") String key, @Bind("tokensMicro") long tokensMicro, @Bind("nowMs") long nowMs);

    @SqlUpdate
    int deleteIdle(@Bind("cutoffMs") long cutoffMs);
}
