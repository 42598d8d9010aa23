package dev.paygo.idempotency;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of idempotency keys; every statement on one key takes its scope (the credential that sent it). */
@UseClasspathSqlLocator
@RegisterConstructorMapper(KeyRow.class)
public interface IdempotencyDao {
    /** Claims a key for a request now running; 0 when the key is taken (the uniqueness is the schema's). */
    @SqlUpdate
    int claim(@Bind("scope") String scope, @Bind("keyHash") String keyHash, @Bind("fingerprint") String fingerprint,
              @Bind("nowMs") long nowMs);

    @SqlQuery
    Optional<KeyRow> find(@Bind("scope") String scope, @Bind("keyHash") String keyHash);

    @SqlUpdate
    int complete(@Bind("scope") String scope, @Bind("keyHash") String keyHash, @Bind("status") int status,
                 @Bind("responseSealed") String responseSealed);

    /** Frees a key whose request failed before it completed. */
    @SqlUpdate
    int release(@Bind("scope") String scope, @Bind("keyHash") String keyHash);

    /** Claims anew a key whose row was seen expired or abandoned (only if it is still the row seen). */
    @SqlUpdate
    int replace(@Bind("scope") String scope, @Bind("keyHash") String keyHash, @Bind("fingerprint") String fingerprint,
                @Bind("nowMs") long nowMs, @Bind("seenCreatedAtMs") long seenCreatedAtMs);

    @SqlUpdate
    int deleteExpired(@Bind("cutoffMs") long cutoffMs);
}
