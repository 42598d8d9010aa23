package dev.paygo.payment;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The test gateway's own ledger: the charges it made, once per attempt id. */
@UseClasspathSqlLocator
public interface TestGatewayDao {
    @SqlUpdate
    int insertCharge(@Bind("attemptId") String attemptId, @Bind("amountMinor") long amountMinor,
                     @Bind("currency") String currency, @Bind("cardLast4") String cardLast4,
                     @Bind("outcome") String outcome, @Bind("nowMs") long nowMs);

    @SqlQuery
    Optional<String> findOutcome(@Bind("attemptId") String attemptId);

    /** How many charges the gateway made for an invoice's attempts (tests: each attempt charged once). */
    @SqlQuery
    long countCharges(@Bind("attemptIdPrefix") String attemptIdPrefix);
}
