package dev.paygo.auth;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of users and account memberships. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(UserRow.class)
@RegisterConstructorMapper(MembershipRow.class)
public interface UserDao {
    @SqlUpdate
    int insert(@Bind("id") String id, @Bind("email") String email, @Bind("apiKeyHash") String apiKeyHash,
               @Bind("createdAtMs") long createdAtMs);

    @SqlQuery
    Optional<UserRow> findByEmail(@Bind("email") String email);

    @SqlUpdate
    void insertMembership(@Bind("accountId") String accountId, @Bind("userId") String userId,
                          @Bind("permissionGroupId") String permissionGroupId, @Bind("createdAtMs") long createdAtMs);

    @SqlUpdate
    int deleteMembership(@Bind("accountId") String accountId, @Bind("userId") String userId);

    @SqlQuery
    List<MembershipRow> listMembershipsOfUser(@Bind("userId") String userId);

    @SqlQuery
    List<MembershipRow> listMembersOfAccount(@Bind("accountId") String accountId);
}
