package dev.paygo.console;

import dev.paygo.account.Account;
import dev.paygo.account.AccountService;
import dev.paygo.auth.Authenticator;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.auth.Principal;
import dev.paygo.auth.Secrets;
import dev.paygo.console.ConsoleSessions.Session;
import dev.paygo.id.Ids;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who may see a console page: resolves the session cookie to the credential it stands on (checked again on every
 * request, so revoking a token signs its sessions out), checks the form token of every change, and loads the
 * account in view with the API's rules: a caller without access gets the same refusal whether the account exists
 * or not; only the operator learns that it does not.
 */
final class Gate {
    static final String SESSION_COOKIE = "paygo_session";

    private final ConsoleSessions sessions;
    private final Authenticator authenticator;
    private final AccountService accounts;

    Gate(ConsoleSessions sessions, Authenticator authenticator, AccountService accounts) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.accounts = accounts;
    }

    /** Thrown to send the browser to the sign-in page; {@code expired} when it came with a session that ended. */
    static final class SignInRequired extends RuntimeException {
        private final boolean expired;

        SignInRequired(boolean expired) {
            super(null, null, false, false);
            this.expired = expired;
        }

        boolean expired() {
            return expired;
        }
    }

    /** The signed-in caller, or {@link SignInRequired}. */
    SignedIn signedIn(Context ctx) {
        return current(ctx).orElseThrow(() -> new SignInRequired(ctx.cookie(SESSION_COOKIE) != null));
    }

    /** The signed-in caller, if any. */
    Optional<SignedIn> current(Context ctx) {
        Optional<Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        return session.flatMap(s -> authenticator.byHash(s.credentialHash()).map(p -> new SignedIn(p, s)));
    }

    /** Refuses a change whose form does not carry the session's token (403: the form came from elsewhere). */
    static void checkForm(Context ctx, Session session) {
        String sent = ctx.formParam("_csrf");
        if (sent == null || !Secrets.sameHash(sent, session.csrf())) {
            throw new ConsoleError(403, "This form has expired",
                    "The page you sent it from is out of date or came from another site. Reload the page and try again.");
        }
    }

    /** The account of the path's {@code account_id} if the caller holds {@code needed} on it. */
    Account account(Context ctx, SignedIn who, PermissionGroup needed) {
        String id = ctx.pathParam("account_id");
        if (!who.may(id, needed)) {
            throw ConsoleError.forbidden(needed == PermissionGroup.BILLING_WRITE
                    && who.may(id, PermissionGroup.BILLING_READ)
                    ? "Your token has Billing Read: it can look but not change. Sign in with a Billing Write token to "
                            + "do this."
                    : "You are signed in with a token of another account.");
        }
        Optional<Account> account = Ids.isHex32(id) ? accounts.find(id) : Optional.empty();
        return account.orElseThrow(() -> who.principal().isOperator() ? ConsoleError.notFound("The account " + id)
                : ConsoleError.forbidden("You are signed in with a token of another account."));
    }

    /** The chrome of a page of an account. */
    Models.Chrome chrome(SignedIn who, Account account, String title, String active, boolean charts) {
        return new Models.Chrome(title + " · " + account.name(), who.session().csrf(), who.who(),
                who.principal().isOperator(), account.id(), account.name(), active,
                who.may(account.id(), PermissionGroup.BILLING_WRITE), charts);
    }

    /** The chrome of a page about no one account (the operator's pages, the price list). */
    Models.Chrome chrome(SignedIn who, String title, String active) {
        return new Models.Chrome(title, who.session().csrf(), who.who(), who.principal().isOperator(),
                who.homeAccount().orElse(null), null, active, false, false);
    }

    /** Refuses a page that only the operator may see. */
    static void operatorOnly(SignedIn who) {
        if (!who.principal().isOperator()) {
            throw ConsoleError.forbidden("Only the operator sees this page.");
        }
    }

    /** Whether the caller could sign in to the console: the operator, or a token that reads its account. */
    static boolean mayUseConsole(Principal principal) {
        return principal.isOperator() || principal instanceof Principal.Token token
                && principal.may(token.token().accountId(), PermissionGroup.BILLING_READ);
    }
}
