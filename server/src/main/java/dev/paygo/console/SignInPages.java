package dev.paygo.console;

import dev.paygo.auth.Authenticator;
import dev.paygo.auth.Principal;
import dev.paygo.auth.Secrets;
import dev.paygo.error.PaygoException;
import dev.paygo.id.Ids;
import dev.paygo.limit.AuthThrottle;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * Signing in with a token (exchanged for a session cookie; the token is sent once, in a POST body, and kept
 * nowhere), and signing out. Failed attempts count against the client address like the API's, and the sign-in
 * form carries its own form token (a double-submit cookie) so another site cannot sign a browser in.
 */
final class SignInPages {
    private static final String FORM_COOKIE = "paygo_signin";
    private static final Duration FORM_LIFETIME = Duration.ofHours(1);

    private final ConsoleSessions sessions;
    private final Authenticator authenticator;
    private final AuthThrottle throttle;
    private final Gate gate;
    private final Views views;
    private final boolean secureCookies;

    SignInPages(ConsoleSessions sessions, Authenticator authenticator, AuthThrottle throttle, Gate gate, Views views,
                boolean secureCookies) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.gate = gate;
        this.views = views;
        this.secureCookies = secureCookies;
    }

    /** {@code /}: the caller's home, or the sign-in page. */
    void home(Context ctx) {
        Optional<SignedIn> who = gate.current(ctx);
        if (who.isEmpty()) {
            ctx.redirect("/sign-in", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(who.get().homeAccount().map(id -> "/accounts/" + id).orElse("/accounts"),
                HttpStatus.SEE_OTHER);
    }

    void form(Context ctx) {
        if (gate.current(ctx).isPresent()) {
            home(ctx);
            return;
        }
        String notice = ctx.queryParam("expired") != null ? "Your session has ended. Sign in again."
                : ctx.queryParam("signed-out") != null ? "You are signed out." : null;
        show(ctx, 200, null, notice);
    }

    void submit(Context ctx) {
        String cookie = ctx.cookie(FORM_COOKIE);
        String sent = ctx.formParam("_csrf");
        if (cookie == null || sent == null || !Secrets.sameHash(cookie, sent)) {
            show(ctx, 403, "The sign-in form had expired. Try again.", null);
            return;
        }
        String address = ctx.ip();
        try {
            throttle.checkNotBlocked(address);
        } catch (PaygoException e) {
            show(ctx, 429, "Too many failed attempts from your address. Wait a minute and try again.", null);
            return;
        }
        String token = Optional.ofNullable(ctx.formParam("token")).map(String::strip).orElse("");
        if (token.isEmpty()) {
            show(ctx, 400, "Enter an API token.", null);
            return;
        }
        String hash = Secrets.hash(token);
        Optional<Principal> principal = token.length() <= 512 ? authenticator.byHash(hash) : Optional.empty();
        if (principal.isEmpty()) {
            throttle.failed(address, Optional.empty());
            show(ctx, 401, "That token is not valid: it is unknown, revoked or expired.", null);
            return;
        }
        if (!Gate.mayUseConsole(principal.get())) {
            show(ctx, 403, "That token cannot read billing. Sign in with a Billing Read or Billing Write token.", null);
            return;
        }
        ConsoleSessions.Opened opened = sessions.open(hash);
        setCookie(ctx, Gate.SESSION_COOKIE, opened.cookieValue(), ConsoleSessions.LIFETIME);
        setCookie(ctx, FORM_COOKIE, "", Duration.ZERO);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        Optional<SignedIn> who = gate.current(ctx);
        if (who.isPresent()) {
            Gate.checkForm(ctx, who.get().session());
            sessions.end(who.get().session());
        }
        setCookie(ctx, Gate.SESSION_COOKIE, "", Duration.ZERO);
        ctx.redirect("/sign-in?signed-out", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, String error, String notice) {
        String csrf = Ids.hex(32);
        setCookie(ctx, FORM_COOKIE, csrf, FORM_LIFETIME);
        views.page(ctx, status, "sign-in.jte", new Models.SignIn(csrf, error, notice));
    }

    /** A cookie for the whole console: HttpOnly, SameSite=Strict, Secure over TLS; an empty value removes it. */
    void setCookie(Context ctx, String name, String value, Duration lifetime) {
        boolean secure = secureCookies || "https".equals(ctx.scheme());
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + lifetime.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }
}
