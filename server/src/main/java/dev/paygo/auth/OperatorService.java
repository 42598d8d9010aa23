package dev.paygo.auth;

import dev.paygo.id.Ids;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator credential: the value of {@code PAYGO_OPERATOR_TOKEN} given at start (held only as its
 * hash), and operator tokens created with {@code paygo operator-token create} (stored as hashes). Thread-safe.
 */
public final class OperatorService {
    /** What an operator token given in the environment must look like. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{32,128}");
    private static final String ENVIRONMENT_ID = "environment";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Optional<String> environmentHash;

    /** @param environmentToken the configured operator token; must match {@link #FORMAT} */
    public OperatorService(Jdbi jdbi, Clock clock, Optional<String> environmentToken) {
        environmentToken.filter(t -> !FORMAT.matcher(t).matches()).ifPresent(t -> {
            throw new IllegalArgumentException(
                    "PAYGO_OPERATOR_TOKEN must be 32 to 128 characters from A-Z a-z 0-9 - _");
        });
        this.jdbi = jdbi;
        this.clock = clock;
        this.environmentHash = environmentToken.map(Secrets::hash);
    }

    /** The operator principal for a presented bearer value, if it is an operator credential. */
    public Optional<Principal.Operator> authenticate(String value) {
        String hash = Secrets.hash(value);
        return fromEnvironment(hash).or(() -> fromStore(hash));
    }

    /** The operator, if {@code hash} is that of {@code PAYGO_OPERATOR_TOKEN} (no database access). */
    Optional<Principal.Operator> fromEnvironment(String hash) {
        return environmentHash.filter(h -> Secrets.sameHash(h, hash)).map(h -> new Principal.Operator(ENVIRONMENT_ID));
    }

    /** The operator, if {@code hash} is that of a stored operator token. */
    Optional<Principal.Operator> fromStore(String hash) {
        return jdbi.withExtension(OperatorTokenDao.class, dao -> dao.findIdByHash(hash)).map(Principal.Operator::new);
    }

    /** Creates a stored operator token and returns its value, which is shown this once. */
    public String create(String name) {
        String value = Ids.secret(TokenService.VALUE_LENGTH);
        jdbi.useExtension(OperatorTokenDao.class,
                dao -> dao.insert(Ids.hex32(), name, Secrets.hash(value), clock.instant().toEpochMilli()));
        return value;
    }
}
