package dev.paygo.idempotency;

import dev.paygo.error.ApiError;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Requests sent with an {@code Idempotency-Key}: within {@link #RETENTION} the same key from the same
 * credential with the same request (fingerprint) gets the first successful answer again, and with another
 * request 422 / 1187. Failed requests are not kept, so retrying them runs them again.
 *
 * <p>{@link Mode#IN_TRANSACTION} runs the request inside the transaction that claims the key: the request's
 * writes and its stored answer commit together, so a crash at any point leaves either both or neither, and a
 * retry never does the work twice. {@link Mode#AFTER_COMMIT} is for work that commits elsewhere and is
 * idempotent by itself (usage events, de-duplicated by their ids): the key is claimed first, and a second
 * request meanwhile gets 409 / 1188 (retry); a claim left by a crash is taken over after {@link #LEASE}.
 * Thread-safe.
 */
public final class IdempotencyService {
    /** How long an answer is kept for its key. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** How long a claim without an answer blocks its key before another request may take it over. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    /** How the request's work relates to the key's transaction. */
    public enum Mode { IN_TRANSACTION, AFTER_COMMIT }

    /** An answer: its status and its JSON. */
    public record Answer(int status, String json) {
    }

    /** What happened: the request ran now ({@code replayed} false), or its first answer was found. */
    public record Outcome(Answer answer, boolean replayed) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final AtomicLong nextPurgeMs = new AtomicLong();

    public IdempotencyService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Runs {@code work} once for {@code (scope, idempotencyKey)}, or answers what its first run answered.
     *
     * @param scope the credential's key: keys of different credentials never meet
     * @param request the request's identity (method, path, content type, body): the same key with another
     *     request is 422
     * @param work the request; it throws to fail (nothing is kept then), and returns a 2xx answer
     */
    public Outcome execute(String scope, String idempotencyKey, byte[] request, Mode mode, Callable<Answer> work)
            throws Exception {
        purgeExpiredIfDue();
        KeySecret secret = KeySecret.derive(scope, idempotencyKey);
        String key = secret.keyHash();
        String fingerprint = secret.fingerprint(request);
        if (mode == Mode.IN_TRANSACTION) {
            return jdbi.inTransaction(h -> {
                IdempotencyDao dao = h.attach(IdempotencyDao.class);
                Optional<Answer> first = claim(dao, scope, key, fingerprint, secret);
                if (first.isPresent()) {
                    return new Outcome(first.get(), true);
                }
                Answer answer = work.call();
                dao.complete(scope, key, answer.status(), secret.seal(answer.json()));
                return new Outcome(answer, false);
            });
        }
        Optional<Answer> first = jdbi.inTransaction(h -> claim(h.attach(IdempotencyDao.class), scope, key, fingerprint,
                secret));
        if (first.isPresent()) {
            return new Outcome(first.get(), true);
        }
        Answer answer;
        try {
            answer = work.call();
        } catch (Exception | Error e) {
            jdbi.useExtension(IdempotencyDao.class, dao -> dao.release(scope, key));
            throw e;
        }
        jdbi.useExtension(IdempotencyDao.class,
                dao -> dao.complete(scope, key, answer.status(), secret.seal(answer.json())));
        return new Outcome(answer, false);
    }

    /** Claims the key (empty), or returns the first answer; 422 for another request, 409 while one runs. */
    private Optional<Answer> claim(IdempotencyDao dao, String scope, String key, String fingerprint,
                                   KeySecret secret) {
        long now = clock.millis();
        for (int attempt = 0; attempt < 3; attempt++) {
            if (dao.claim(scope, key, fingerprint, now) == 1) {
                return Optional.empty();
            }
            Optional<KeyRow> found = dao.find(scope, key);
            if (found.isEmpty()) {
                continue;  // released or purged meanwhile: claim again
            }
            KeyRow row = found.get();
            boolean expired = row.createdAtMs() < now - RETENTION.toMillis();
            boolean abandoned = row.status() == null && row.createdAtMs() < now - LEASE.toMillis();
            if (expired || abandoned) {
                if (dao.replace(scope, key, fingerprint, now, row.createdAtMs()) == 1) {
                    return Optional.empty();
                }
                continue;
            }
            if (!row.fingerprint().equals(fingerprint)) {
                throw new PaygoException(ErrorCode.IDEMPOTENCY_KEY_REUSED.status(),
                        List.of(ApiError.of(ErrorCode.IDEMPOTENCY_KEY_REUSED)), Map.of("X-Should-Retry", "false"));
            }
            if (row.status() == null) {
                throw new PaygoException(ErrorCode.IDEMPOTENCY_IN_PROGRESS.status(),
                        List.of(ApiError.of(ErrorCode.IDEMPOTENCY_IN_PROGRESS)),
                        Map.of("Retry-After", "1", "X-Should-Retry", "true"));
            }
            return Optional.of(new Answer(row.status(), secret.open(row.responseSealed())));
        }
        throw new PaygoException(ErrorCode.IDEMPOTENCY_IN_PROGRESS.status(),
                List.of(ApiError.of(ErrorCode.IDEMPOTENCY_IN_PROGRESS)), Map.of("Retry-After", "1", "X-Should-Retry", "true"));
    }

    private void purgeExpiredIfDue() {
        long now = clock.millis();
        long due = nextPurgeMs.get();
        if (now >= due && nextPurgeMs.compareAndSet(due, now + PURGE_EVERY.toMillis())) {
            jdbi.useExtension(IdempotencyDao.class, dao -> dao.deleteExpired(now - RETENTION.toMillis()));
        }
    }
}
