package dev.paygo.invoice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of invoices, their lines, billing cursors, billed amounts, plan fees and the billing-run lock. Every
 * statement on an account's data takes its id, but for the billing run's own: the accounts due for billing and
 * the invoices due for a payment attempt (across accounts: the run is the operator's) and its lock.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(InvoiceRow.class)
@RegisterConstructorMapper(LineRow.class)
@RegisterConstructorMapper(BilledAmountRow.class)
@RegisterConstructorMapper(FeeRow.class)
@RegisterConstructorMapper(CursorRow.class)
@RegisterConstructorMapper(BilledDayRow.class)
public interface InvoiceDao {
    @SqlUpdate
    void insertInvoice(@BindMethods InvoiceRow row);

    @SqlBatch
    void insertLine(@BindMethods List<LineRow> rows);

    /** Gives an invoice the token of its hosted page (in the transaction that issues it). */
    @SqlUpdate
    void insertLink(@Bind("invoiceId") String invoiceId, @Bind("token") String token);

    /** The invoice whose hosted page has this token: the one lookup that is not by account. */
    @SqlQuery
    Optional<InvoiceRow> findByLink(@Bind("token") String token);

    /** The hosted-page tokens of some of an account's invoices. */
    @SqlQuery
    @KeyColumn("invoice_id")
    @ValueColumn("token")
    Map<String, String> listLinks(@Bind("accountId") String accountId, @BindList("ids") List<String> invoiceIds);

    /** The next number of a series, gapless: it is taken in the transaction that inserts the invoice. */
    @SqlQuery
    long nextNumber(@Bind("series") String series);

    @SqlQuery
    Optional<InvoiceRow> find(@Bind("accountId") String accountId, @Bind("id") String id);

    /** The account's invoices, newest first. */
    @SqlQuery
    List<InvoiceRow> listPage(@Bind("accountId") String accountId, @Bind("limit") int limit,
                              @Bind("offset") long offset);

    /** The account's invoices, newest first. */
    @SqlQuery
    List<InvoiceRow> listAll(@Bind("accountId") String accountId);

    @SqlQuery
    long count(@Bind("accountId") String accountId);

    @SqlQuery
    List<LineRow> listLines(@Bind("accountId") String accountId, @Bind("invoiceId") String invoiceId);

    @SqlQuery
    Optional<CursorRow> findCursor(@Bind("accountId") String accountId);

    /** Creates the account's cursor unless it has one: 0 when it had one. */
    @SqlUpdate
    int insertCursor(@BindMethods CursorRow row);

    /** Moves the cursor past {@code billedStart}'s period: 0 when another run billed it first. */
    @SqlUpdate
    int advanceCursor(@Bind("accountId") String accountId, @Bind("billedStart") String billedStart,
                      @Bind("nextStart") String nextStart, @Bind("nextEnd") String nextEnd,
                      @Bind("billedAtMs") long billedAtMs);

    /**
     * Accounts (after {@code afterId}, by id) whose next period ends on or before {@code dueDay}, or that have
     * never been looked at.
     */
    @SqlQuery
    List<String> listDueAccounts(@Bind("dueDay") String dueDay, @Bind("afterId") String afterId,
                                 @Bind("limit") int limit);

    /** What the periods starting in {@code [fromDay, toDay)} have been billed, per metric. */
    @SqlQuery
    List<BilledAmountRow> listBilled(@Bind("accountId") String accountId, @Bind("fromDay") String fromDay,
                                     @Bind("toDay") String toDay);

    @SqlBatch
    void saveBilled(@BindMethods List<BilledAmountRow> rows);

    /** Records what an invoice billed of each day (a row already stored for the same billing is kept). */
    @SqlBatch
    void saveBilledDays(@BindMethods List<BilledDayRow> rows);

    /** What was billed of the days of the periods starting in {@code [fromDay, toDay)}, oldest billing first. */
    @SqlQuery
    List<BilledDayRow> listBilledDays(@Bind("accountId") String accountId, @Bind("fromDay") String fromDay,
                                      @Bind("toDay") String toDay);

    /** Invoices of every account (after {@code afterId}, by id) whose next payment attempt is due. */
    @SqlQuery
    List<InvoiceRow> listChargeable(@Bind("nowMs") long nowMs, @Bind("afterId") String afterId,
                                    @Bind("limit") int limit);

    /** Takes an invoice's due attempt for one runner: 0 when another took it, or it is no longer due. */
    @SqlUpdate
    int claimAttempt(@Bind("id") String id, @Bind("seenAttempts") int seenAttempts, @Bind("nowMs") long nowMs);

    /** Adds a gateway's successful charge: 0 when it would overpay or the invoice takes no payment. */
    @SqlUpdate
    int applyPayment(@Bind("accountId") String accountId, @Bind("id") String id,
                     @Bind("amountMinor") long amountMinor, @Bind("nowMs") long nowMs);

    /**
     * Adds a payment the operator received, as attempt {@code seenAttempts + 1}: 0 when it would overpay, the
     * invoice takes no payment, or another payment came first.
     */
    @SqlUpdate
    int recordPayment(@Bind("accountId") String accountId, @Bind("id") String id,
                      @Bind("seenAttempts") int seenAttempts, @Bind("amountMinor") long amountMinor,
                      @Bind("nowMs") long nowMs);

    /** A failed charge: {@code past_due} with the next attempt, or {@code uncollectible} with none. */
    @SqlUpdate
    int markFailed(@Bind("accountId") String accountId, @Bind("id") String id, @Bind("status") String status,
                   @Bind("nextAttemptAtMs") Long nextAttemptAtMs, @Bind("failedAtMs") long failedAtMs);

    @SqlUpdate
    int markVoid(@Bind("accountId") String accountId, @Bind("id") String id, @Bind("nowMs") long nowMs);

    /** What is owed on the account's open, past-due and uncollectible invoices, in minor units. */
    @SqlQuery
    long dueTotal(@Bind("accountId") String accountId);

    @SqlUpdate
    void saveFee(@BindMethods FeeRow row);

    @SqlQuery
    List<FeeRow> listFees(@Bind("accountId") String accountId);

    @SqlUpdate
    int endFee(@Bind("accountId") String accountId, @Bind("feeId") String feeId, @Bind("endDay") String endDay);

    @SqlUpdate
    int acquireLock(@Bind("name") String name, @Bind("holder") String holder, @Bind("expiresMs") long expiresMs,
                    @Bind("nowMs") long nowMs);

    @SqlUpdate
    void releaseLock(@Bind("name") String name, @Bind("holder") String holder);
}
