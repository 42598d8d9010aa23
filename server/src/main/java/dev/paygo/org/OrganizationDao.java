package dev.paygo.org;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of organizations and their member accounts. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(OrganizationRow.class)
public interface OrganizationDao {
    @SqlUpdate
    void insert(@BindMethods OrganizationRow row);

    @SqlQuery
    Optional<OrganizationRow> find(@Bind("id") String id);

    /** One page of organizations, oldest first. */
    @SqlQuery
    List<OrganizationRow> listPage(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery
    long count();

    /** Adds the account unless it belongs to an organization already: 0 then. */
    @SqlUpdate
    int addMember(@Bind("organizationId") String organizationId, @Bind("accountId") String accountId,
                  @Bind("addedAtMs") long addedAtMs);

    /** The organization the account belongs to, if any. */
    @SqlQuery
    Optional<String> findOrganizationOf(@Bind("accountId") String accountId);

    /** Removes the account from the organization: 0 when it was not a member. */
    @SqlUpdate
    int removeMember(@Bind("organizationId") String organizationId, @Bind("accountId") String accountId);

    /** The organization's accounts, by id. */
    @SqlQuery
    List<String> listMembers(@Bind("organizationId") String organizationId);
}
