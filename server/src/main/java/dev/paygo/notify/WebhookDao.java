package dev.paygo.notify;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of webhook endpoints, the event outbox and deliveries. An outcome is recorded only by the holder of the
 * delivery's lease ({@code lease_until_ms} as it claimed it), and only while the delivery is pending.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(EndpointRow.class)
@RegisterConstructorMapper(DeliveryRow.class)
@RegisterConstructorMapper(SendRow.class)
@RegisterConstructorMapper(DueRow.class)
public interface WebhookDao {
    @SqlUpdate
    void insertEndpoint(@Bind("id") String id, @Bind("url") String url, @Bind("description") String description,
                        @Bind("secret") String secret, @Bind("createdAtMs") long createdAtMs);

    @SqlBatch
    void insertEndpointEvent(@Bind("endpointId") String endpointId, @Bind("eventType") List<String> eventTypes);

    /** Endpoints not deleted, oldest first. */
    @SqlQuery
    List<EndpointRow> listEndpoints();

    @SqlQuery
    Optional<EndpointRow> findEndpoint(@Bind("id") String id);

    @SqlQuery
    List<String> listEndpointEvents(@Bind("endpointId") String endpointId);

    @SqlUpdate
    int deleteEndpoint(@Bind("id") String id, @Bind("deletedAtMs") long deletedAtMs);

    /** Stops the pending deliveries of a deleted endpoint. */
    @SqlUpdate
    int cancelPending(@Bind("endpointId") String endpointId);

    /** Endpoints not deleted that receive {@code eventType}. */
    @SqlQuery
    List<String> listSubscribed(@Bind("eventType") String eventType);

    @SqlUpdate
    void insertEvent(@Bind("id") String id, @Bind("eventType") String eventType, @Bind("accountId") String accountId,
                     @Bind("payload") String payload, @Bind("createdAtMs") long createdAtMs);

    @SqlBatch
    void insertDelivery(@Bind("id") List<String> ids, @Bind("endpointId") List<String> endpointIds,
                        @Bind("eventId") String eventId, @Bind("nowMs") long nowMs,
                        @Bind("retryUntilMs") long retryUntilMs);

    /** The endpoints that are not deleted, by id (those the dispatcher looks for due deliveries of). */
    @SqlQuery
    List<String> listEndpointIds();

    /** The endpoint's pending deliveries due at {@code nowMs} and not leased, the earliest first. */
    @SqlQuery
    List<DueRow> listDue(@Bind("endpointId") String endpointId, @Bind("nowMs") long nowMs, @Bind("limit") int limit);

    /** Leases a due delivery until {@code leaseUntilMs}: 1 when this call took it. */
    @SqlUpdate
    int claim(@Bind("id") String id, @Bind("nowMs") long nowMs, @Bind("leaseUntilMs") long leaseUntilMs);

    @SqlQuery
    Optional<SendRow> findSend(@Bind("id") String id);

    @SqlUpdate
    int markDelivered(@Bind("id") String id, @Bind("leaseUntilMs") long leaseUntilMs, @Bind("nowMs") long nowMs,
                      @Bind("statusCode") int statusCode);

    /** A failed attempt: pending again at {@code nextAttemptAtMs}, or {@code failed} when that is null. */
    @SqlUpdate
    int markAttemptFailed(@Bind("id") String id, @Bind("leaseUntilMs") long leaseUntilMs, @Bind("nowMs") long nowMs,
                          @Bind("nextAttemptAtMs") Long nextAttemptAtMs, @Bind("statusCode") Integer statusCode,
                          @Bind("error") String error);

    @SqlQuery
    List<DeliveryRow> listDeliveries(@Bind("endpointId") String endpointId, @Bind("status") String status,
                                     @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery
    long countDeliveries(@Bind("endpointId") String endpointId, @Bind("status") String status);

    @SqlQuery
    Optional<DeliveryRow> findDelivery(@Bind("endpointId") String endpointId, @Bind("id") String id);

    /** Makes a delivery pending and due now with a new retry window: 1 when it exists. */
    @SqlUpdate
    int retry(@Bind("endpointId") String endpointId, @Bind("id") String id, @Bind("nowMs") long nowMs,
              @Bind("retryUntilMs") long retryUntilMs);

    /** Deliveries waiting to be sent (the outbox's depth). */
    @SqlQuery
    long countPending();
}
