package dev.paygo.payment;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of payment-method setup intents; only a hash of the client secret is stored. */
@UseClasspathSqlLocator
public interface SetupIntentDao {
    @SqlUpdate
    void insert(@Bind("id") String id, @Bind("accountId") String accountId, @Bind("secretHash") String secretHash,
                @Bind("createdAtMs") long createdAtMs);

    /** Uses an intent once, if it was issued after {@code issuedAfterMs}: 0 when unknown, used or expired. */
    @SqlUpdate
    int succeed(@Bind("accountId") String accountId, @Bind("secretHash") String secretHash,
                @Bind("issuedAfterMs") long issuedAfterMs);
}
