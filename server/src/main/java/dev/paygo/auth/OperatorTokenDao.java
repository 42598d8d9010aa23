package dev.paygo.auth;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of operator tokens created with the CLI. */
@UseClasspathSqlLocator
public interface OperatorTokenDao {
    @SqlUpdate
    void insert(@Bind("id") String id, @Bind("name") String name, @Bind("valueHash") String valueHash,
                @Bind("createdAtMs") long createdAtMs);

    @SqlQuery
    Optional<String> findIdByHash(@Bind("valueHash") String valueHash);
}
