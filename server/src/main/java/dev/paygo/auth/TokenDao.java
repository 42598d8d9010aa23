package dev.paygo.auth;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of account API tokens; every query on one token also takes its account id. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(TokenRow.class)
public interface TokenDao {
    @SqlUpdate
    void insert(@BindMethods TokenRow row);

    @SqlQuery
    Optional<TokenRow> findUnrevokedByHash(@Bind("valueHash") String valueHash);

    @SqlQuery
    Optional<TokenRow> findUnrevoked(@Bind("accountId") String accountId, @Bind("id") String id);

    /** A page of the unrevoked tokens, by issue time; those expired at {@code nowMs} only if asked for. */
    @SqlQuery
    List<TokenRow> listUnrevoked(@Bind("accountId") String accountId, @Bind("nowMs") long nowMs,
                                 @Bind("includeExpired") boolean includeExpired,
                                 @Bind("newestFirst") boolean newestFirst, @Bind("limit") int limit,
                                 @Bind("offset") long offset);

    @SqlQuery
    long countUnrevoked(@Bind("accountId") String accountId, @Bind("nowMs") long nowMs,
                        @Bind("includeExpired") boolean includeExpired);

    /** The unrevoked tokens of the account that {@code createdBy} (a credential key) created. */
    @SqlQuery
    List<String> listUnrevokedCreatedBy(@Bind("accountId") String accountId, @Bind("createdBy") String createdBy);

    @SqlUpdate
    int revoke(@Bind("accountId") String accountId, @Bind("id") String id, @Bind("revokedAtMs") long revokedAtMs);
}
