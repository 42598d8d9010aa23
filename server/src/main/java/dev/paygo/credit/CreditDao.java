package dev.paygo.credit;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of credit grants and of what invoices took from them. Every statement takes the account's id. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(CreditRow.class)
public interface CreditDao {
    @SqlUpdate
    void insert(@BindMethods CreditRow row);

    @SqlQuery
    Optional<CreditRow> find(@Bind("accountId") String accountId, @Bind("id") String id);

    /** The account's grants, the one that ends first first (then oldest first): the order credit is used in. */
    @SqlQuery
    List<CreditRow> list(@Bind("accountId") String accountId);

    @SqlQuery
    boolean any(@Bind("accountId") String accountId);

    /** Takes {@code amountMinor} from a grant unless less is left: 0 when it changed since it was read. */
    @SqlUpdate
    int take(@Bind("accountId") String accountId, @Bind("id") String id, @Bind("amountMinor") long amountMinor,
             @Bind("remainingMinor") long remainingMinor);

    @SqlUpdate
    void insertUse(@Bind("invoiceId") String invoiceId, @Bind("grantId") String grantId,
                   @Bind("amountMinor") long amountMinor);

    /** Gives the credit an invoice took back to its grants (the invoice was voided). */
    @SqlUpdate
    void restore(@Bind("accountId") String accountId, @Bind("invoiceId") String invoiceId);

    @SqlUpdate
    void markRestored(@Bind("invoiceId") String invoiceId, @Bind("nowMs") long nowMs);

    /** Ends a grant now if it has not ended yet: 0 when it had. */
    @SqlUpdate
    int expire(@Bind("accountId") String accountId, @Bind("id") String id, @Bind("nowMs") long nowMs);

    /** Records that {@code credit.low} was told: 1 when this call is the first. */
    @SqlUpdate
    int tellLow(@Bind("accountId") String accountId, @Bind("id") String id, @Bind("nowMs") long nowMs);

    /** Records that {@code credit.expired} was told: 1 when this call is the first. */
    @SqlUpdate
    int tellExpired(@Bind("accountId") String accountId, @Bind("id") String id, @Bind("nowMs") long nowMs);

    /** Accounts with a grant that may run low or has ended with credit left, untold; a page after {@code afterId}. */
    @SqlQuery
    List<String> listAccountsToWatch(@Bind("nowMs") long nowMs, @Bind("afterId") String afterId,
                                     @Bind("limit") int limit);
}
