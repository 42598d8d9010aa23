package dev.paygo.account;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of accounts and subscriptions; the statements live in {@code AccountDao/*.sql}. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AccountRow.class)
@RegisterConstructorMapper(SubscriptionRow.class)
public interface AccountDao {
    @SqlUpdate
    void insert(@BindMethods AccountRow row);

    @SqlUpdate
    void insertSubscription(@BindMethods SubscriptionRow row);

    @SqlQuery
    Optional<AccountRow> findById(@Bind("id") String id);

    @SqlQuery
    List<AccountRow> listPage(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery
    long count();

    /** Accounts whose name or id contains {@code pattern}'s text (a LIKE pattern, case-insensitive), by name. */
    @SqlQuery
    List<AccountRow> search(@Bind("pattern") String pattern, @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery
    long countMatching(@Bind("pattern") String pattern);

    /** The billing currencies accounts use (every account's, across tenants: an operator check at start). */
    @SqlQuery
    List<String> listCurrencies();

    @SqlQuery
    List<SubscriptionRow> listSubscriptions(@Bind("accountId") String accountId);
}
