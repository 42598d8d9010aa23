package dev.paygo.console;

import dev.paygo.auth.Secrets;
import dev.paygo.id.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in browsers. A session is opened with a credential that was just checked; the cookie holds 32 random bytes
 * and the database only their hash, with the credential's hash (never the credential) and a CSRF token. Sessions
 * end at sign-out or {@link #LIFETIME} after sign-in, whichever comes first; every request checks the credential
 * again, so a revoked or expired token ends its sessions at once. Stored, so nodes sharing a database share them.
 */
public final class ConsoleSessions {
    /** How long a sign-in lasts: a working day, then the token is asked for again. */
    public static final Duration LIFETIME = Duration.ofHours(8);
    private static final Pattern COOKIE_VALUE = Pattern.compile("[0-9a-f]{64}");

    private final Jdbi jdbi;
    private final Clock clock;

    public ConsoleSessions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A session just opened: the cookie's value (given to the browser once) and its CSRF token. */
    public record Opened(String cookieValue, String csrf, Instant expiresAt) {
    }

    /** A live session: the hash of the credential it was opened with and its CSRF token. */
    public record Session(String idHash, String credentialHash, String csrf, Instant expiresAt) {
    }

    /** Opens a session for the credential whose hash ({@link Secrets#hash}) is given. */
    public Opened open(String credentialHash) {
        Instant now = clock.instant();
        String cookie = Ids.hex(32);
        String csrf = Ids.hex(32);
        Instant expires = now.plus(LIFETIME);
        jdbi.useExtension(SessionDao.class, dao -> {
            dao.deleteExpired(now.toEpochMilli());
            dao.insert(new SessionRow(Secrets.hash(cookie), credentialHash, csrf, now.toEpochMilli(),
                    expires.toEpochMilli()));
        });
        return new Opened(cookie, csrf, expires);
    }

    /** The live session of a cookie value, or empty (unknown, malformed, signed out or expired). */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || !COOKIE_VALUE.matcher(cookieValue).matches()) {
            return Optional.empty();
        }
        return jdbi.withExtension(SessionDao.class, dao -> dao.findLive(Secrets.hash(cookieValue),
                        clock.millis()))
                .map(r -> new Session(r.idHash(), r.credentialHash(), r.csrf(), Instant.ofEpochMilli(r.expiresAtMs())));
    }

    /** Ends a session (sign-out). */
    public void end(Session session) {
        jdbi.useExtension(SessionDao.class, dao -> dao.delete(session.idHash()));
    }
}
