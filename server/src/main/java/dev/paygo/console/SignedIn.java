package dev.paygo.console;

import dev.paygo.auth.PermissionGroup;
import dev.paygo.auth.Principal;
import dev.paygo.console.ConsoleSessions.Session;
import java.util.Optional;

/** The caller of a console page: the credential their session stands on (checked again now) and the session. */
record SignedIn(Principal principal, Session session) {

    /** The account a token signs in to; empty for the operator. */
    Optional<String> homeAccount() {
        return principal instanceof Principal.Token token ? Optional.of(token.token().accountId()) : Optional.empty();
    }

    /** How the page header names the caller. */
    String who() {
        return principal instanceof Principal.Token token ? "Token “" + token.token().name() + "”" : "Operator";
    }

    boolean may(String accountId, PermissionGroup needed) {
        return principal.may(accountId, needed);
    }
}
