package dev.paygo.payment;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of payment attempts; reads take the account id, but the billing run's list of unfinished attempts. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AttemptRow.class)
public interface PaymentDao {
    @SqlUpdate
    void insert(@BindMethods AttemptRow row);

    /** Records an attempt's outcome, once: 0 when it was recorded already. */
    @SqlUpdate
    int finish(@Bind("id") String id, @Bind("status") String status, @Bind("failure") String failure,
               @Bind("reference") String reference, @Bind("finishedAtMs") long finishedAtMs);

    /** Attempts sent to a gateway whose outcome was never recorded (the run died): every account's. */
    @SqlQuery
    List<AttemptRow> listPending();

    @SqlQuery
    List<AttemptRow> listByInvoice(@Bind("accountId") String accountId, @Bind("invoiceId") String invoiceId);

    @SqlQuery
    List<AttemptRow> listByAccount(@Bind("accountId") String accountId);

    @SqlQuery
    Optional<AttemptRow> find(@Bind("accountId") String accountId, @Bind("id") String id);
}
