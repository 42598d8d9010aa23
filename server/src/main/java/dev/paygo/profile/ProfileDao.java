package dev.paygo.profile;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of billing profiles, one per account. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(ProfileRow.class)
public interface ProfileDao {
    @SqlQuery
    Optional<ProfileRow> find(@Bind("accountId") String accountId);

    /** Creates the account's empty profile unless it has one. */
    @SqlUpdate
    void insertIfAbsent(@BindMethods ProfileRow row);

    @SqlUpdate
    int update(@BindMethods ProfileRow row);
}
