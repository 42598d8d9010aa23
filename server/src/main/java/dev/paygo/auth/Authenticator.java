package dev.paygo.auth;

import dev.paygo.error.ApiError;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request's credential headers into a {@link Principal}, with Cloudflare's errors: 9106 when none
 * is given, 6003 (with 6111, 6103 or 6102 in {@code error_chain}) when one is malformed, 9109 for an unknown,
 * revoked or expired token, 9103 for an unknown email and key. A bearer token wins over email and key.
 */
public final class Authenticator {
    private static final Pattern BEARER = Pattern.compile("(?i:bearer) ([A-Za-z0-9._~+/=-]{1,512})");

    private final OperatorService operators;
    private final TokenService tokens;
    private final UserService users;

    public Authenticator(OperatorService operators, TokenService tokens, UserService users) {
        this.operators = operators;
        this.tokens = tokens;
        this.users = users;
    }

    /** @param header a request header by name, or null when absent */
    public Principal authenticate(Function<String, String> header) {
        String authorization = header.apply("Authorization");
        if (authorization != null) {
            return byHash(Secrets.hash(bearerValue(authorization)))
                    .orElseThrow(() -> new PaygoException(ErrorCode.INVALID_ACCESS_TOKEN));
        }
        String email = header.apply("X-Auth-Email");
        String key = header.apply("X-Auth-Key");
        if (email == null || key == null) {
            throw new PaygoException(ErrorCode.MISSING_CREDENTIALS);
        }
        if (!UserService.EMAIL.matcher(email.strip()).matches()) {
            throw malformed(ErrorCode.INVALID_AUTH_EMAIL_FORMAT);
        }
        if (!UserService.API_KEY.matcher(key.strip()).matches()) {
            throw malformed(ErrorCode.INVALID_AUTH_KEY_FORMAT);
        }
        return users.authenticate(email, key.strip()).map(u -> (Principal) u)
                .orElseThrow(() -> new PaygoException(ErrorCode.UNKNOWN_AUTH_KEY));
    }

    /**
     * The operator or the active API token of a request's {@code Authorization: Bearer} header (the verify
     * endpoints), or empty when the value names neither; 400 / 9106 without the header, 400 / 6003 when it
     * is malformed.
     */
    public Optional<Principal> authenticateBearer(Function<String, String> header) {
        String authorization = header.apply("Authorization");
        if (authorization == null) {
            throw new PaygoException(ErrorCode.MISSING_CREDENTIALS);
        }
        return byHash(Secrets.hash(bearerValue(authorization)));
    }

    /**
     * The operator or the active API token whose value has this hash ({@link Secrets#hash}), or empty: a console
     * session keeps the hash, never the token, and checks it again on every request.
     */
    public Optional<Principal> byHash(String hash) {
        // The in-memory operator check first, then account tokens (nearly every request), and only then stored
        // operator tokens, so a token request costs one database lookup.
        Optional<Principal> operator = operators.fromEnvironment(hash).map(p -> p);
        return operator.or(() -> tokens.authenticateHash(hash).map(Principal.Token::new))
                .or(() -> operators.fromStore(hash));
    }

    /** The value of a well-formed {@code Authorization: Bearer} header; 400 / 6003 / 6111 otherwise. */
    public static String bearerValue(String authorization) {
        Matcher matcher = BEARER.matcher(authorization.strip());
        if (!matcher.matches()) {
            throw malformed(ErrorCode.INVALID_AUTHORIZATION_FORMAT);
        }
        return matcher.group(1);
    }

    private static PaygoException malformed(ErrorCode cause) {
        return new PaygoException(ErrorCode.INVALID_HEADERS.status(),
                List.of(ApiError.chained(ErrorCode.INVALID_HEADERS, cause)), Map.of());
    }
}
