package dev.paygo.routing;

import dev.paygo.account.Account;
import dev.paygo.account.AccountService;
import dev.paygo.account.RequestAccount;
import dev.paygo.auth.Authenticator;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.auth.Principal;
import dev.paygo.auth.RequestPrincipal;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.id.Ids;
import dev.paygo.limit.AuthThrottle;
import dev.paygo.limit.RateLimiter;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Checks a request against its route's {@link Access} before the controller runs: authenticates (throttling
 * failed attempts per client address and email), applies the rate limit per credential, checks the permissions,
 * and loads the route's account. A caller without access to an
 * account gets the same 403 whether the account exists or not; only the operator learns of a 404.
 */
public final class Guard {
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final AuthThrottle throttle;
    private final AccountService accounts;

    public Guard(Authenticator authenticator, RateLimiter rateLimiter, AuthThrottle throttle, AccountService accounts) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    public void check(Context ctx, Access access) {
        if (!access.needsCredential()) {
            return;
        }
        String address = ctx.ip();
        throttle.checkNotBlocked(address);
        Principal principal;
        try {
            principal = access.kind() == Access.Kind.TOKEN_ITSELF
                    ? authenticator.authenticateBearer(ctx::header)
                            .orElseThrow(() -> new PaygoException(ErrorCode.INVALID_API_TOKEN))
                    : authenticator.authenticate(ctx::header);
        } catch (PaygoException e) {
            if (isFailedCredential(e)) {
                throttle.failed(address, Optional.ofNullable(ctx.header("X-Auth-Email")));
            }
            throw e;
        }
        RequestPrincipal.set(ctx, principal);
        if (!principal.isOperator()) {
            rateLimiter.acquire(principal.credentialKey());
        }
        switch (access.kind()) {
            case OPERATOR -> {
                if (!principal.isOperator()) {
                    throw PaygoException.forbidden();
                }
                if (ctx.pathParamMap().containsKey("account_id")) {
                    RequestAccount.set(ctx, account(ctx, principal, access));
                }
            }
            case ACCOUNT -> RequestAccount.set(ctx, account(ctx, principal, access));
            case ORGANIZATION -> {
                String id = ctx.pathParam("organization_id");
                if (!access.permissions().stream().allMatch(p -> principal.mayOnOrganization(id, p))) {
                    throw PaygoException.forbidden();
                }
            }
            default -> {
                // any valid credential will do; ACCOUNTS_IN_BODY and TOKEN_ITSELF are checked by the controller
            }
        }
    }

    /** A credential that was well-formed but named nothing usable: what guessing produces. */
    private static boolean isFailedCredential(PaygoException e) {
        int code = e.errors().isEmpty() ? 0 : e.errors().get(0).code();
        return code == ErrorCode.INVALID_ACCESS_TOKEN.code() || code == ErrorCode.UNKNOWN_AUTH_KEY.code()
                || code == ErrorCode.INVALID_API_TOKEN.code();
    }

    private Account account(Context ctx, Principal principal, Access access) {
        String id = ctx.pathParam("account_id");
        for (PermissionGroup needed : access.permissions()) {
            if (!principal.may(id, needed)) {
                throw PaygoException.forbidden();
            }
        }
        Optional<Account> account = Ids.isHex32(id) ? accounts.find(id) : Optional.empty();
        if (account.isEmpty()) {
            // Only the operator can reach here for an account that does not exist: tokens and memberships
            // only ever name existing accounts.
            throw principal.isOperator() ? PaygoException.notFound(ctx.path()) : PaygoException.forbidden();
        }
        return account.get();
    }
}
