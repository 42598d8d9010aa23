package dev.paygo.payment;

import dev.paygo.auth.Secrets;
import dev.paygo.id.Ids;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Setup intents of the {@code test} gateway, shaped like a card processor's: a client secret
 * ({@code seti_<id>_secret_<random>}) that confirms one payment method, once, within a day. Thread-safe.
 */
public final class SetupIntentService {
    public static final String INTENT_TYPE = "setup_intent";
    private static final Duration VALID_FOR = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final Clock clock;

    public SetupIntentService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public SetupIntent create(String accountId) {
        String id = "seti_" + Ids.hex(12);
        String secret = id + "_secret_" + Ids.secret(32);
        jdbi.useExtension(SetupIntentDao.class, dao -> dao.insert(id, accountId, Secrets.hash(secret), clock.millis()));
        return new SetupIntent(secret, INTENT_TYPE);
    }

    /** Uses the intent of {@code clientSecret}, in the caller's transaction; false when unknown, used or expired. */
    public boolean succeed(String accountId, String clientSecret) {
        long issuedAfter = clock.millis() - VALID_FOR.toMillis();
        return jdbi.withExtension(SetupIntentDao.class, dao -> dao.succeed(accountId, Secrets.hash(clientSecret),
                issuedAfter)) == 1;
    }
}
