package dev.paygo.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.account.AccountService;
import dev.paygo.auth.Authenticator;
import dev.paygo.auth.TokenService;
import dev.paygo.catalog.CatalogService;
import dev.paygo.credit.CreditService;
import dev.paygo.error.PaygoException;
import dev.paygo.http.HttpEdge;
import dev.paygo.invoice.BillingRun;
import dev.paygo.invoice.InvoiceService;
import dev.paygo.limit.AuthThrottle;
import dev.paygo.profile.ProfileService;
import dev.paygo.rating.RatingService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console's one route table, served by paygo itself next to the API (which stays under
 * {@code /client/v4}). Pages are HTML rendered on the server; the only scripts are the console's own file and the
 * chart library, both served from the jar, so the Content-Security-Policy allows nothing inline and nothing from
 * elsewhere. A refusal is a page with the right status, never a stack trace.
 */
public final class Console {
    /** Where the console's own stylesheet and script are served from (the jar's {@code /console} folder). */
    public static final String ASSETS = "/assets";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    private static final String CHART_SCRIPT = "/webjars/chart.js/" + webJarVersion("org.webjars.npm", "chart.js")
            + "/dist/chart.umd.js";
    /** Where Swagger UI's files are served from its WebJar, for the API reference page. */
    private static final String SWAGGER_UI = "/webjars/swagger-ui/" + webJarVersion("org.webjars", "swagger-ui");

    private final SignInPages signIn;
    private final AccountPages accountPages;
    private final InvoicePages invoicePages;
    private final SettingsPages settings;
    private final OperatorPages operator;
    private final Views views;
    private final Gate gate;

    private Console(SignInPages signIn, AccountPages accountPages, InvoicePages invoicePages, SettingsPages settings,
                    OperatorPages operator, Views views, Gate gate) {
        this.signIn = signIn;
        this.accountPages = accountPages;
        this.invoicePages = invoicePages;
        this.settings = settings;
        this.operator = operator;
        this.views = views;
        this.gate = gate;
    }

    /** What the console reads and changes: the services the API uses, so a page and the API always agree. */
    public record Services(Jdbi jdbi, Clock clock, ObjectMapper mapper, Authenticator authenticator,
                           AuthThrottle throttle, AccountService accounts, RatingService rating,
                           InvoiceService invoices, CreditService credits, CatalogService catalog,
                           ProfileService profiles, TokenService tokens, BillingRun billing) {
    }

    /**
     * @param issuer who issues the invoices (name, address lines); empty: the catalog's provider
     * @param secureCookies whether cookies are always {@code Secure} (the public URL is https: TLS ends at a proxy
     *     in front); they are also whenever a request itself came over TLS
     * @param scheduled whether billing runs on a schedule on this node
     */
    public static Console create(Services s, List<String> issuer, boolean secureCookies, boolean scheduled) {
        Views views = new Views();
        ConsoleSessions sessions = new ConsoleSessions(s.jdbi(), s.clock());
        Gate gate = new Gate(sessions, s.authenticator(), s.accounts());
        List<String> issuerLines = issuer.isEmpty() ? List.of(s.catalog().catalog().provider()) : issuer;
        return new Console(new SignInPages(sessions, s.authenticator(), s.throttle(), gate, views, secureCookies),
                new AccountPages(gate, views, s.rating(), s.invoices(), s.credits(), s.catalog(), s.mapper(), s.clock()),
                new InvoicePages(gate, views, s.invoices(), s.profiles(), s.accounts(), issuerLines),
                new SettingsPages(gate, views, s.profiles(), s.tokens(), s.mapper()),
                new OperatorPages(gate, views, s.accounts(), s.rating(), s.invoices(), s.billing(), s.catalog(),
                        s.clock(), scheduled),
                views, gate);
    }

    /** Adds the console's pages to Javalin's routes. */
    public void install(RoutesConfig routes) {
        page(routes, "GET", "/", signIn::home);
        page(routes, "GET", "/sign-in", signIn::form);
        page(routes, "POST", "/sign-in", signIn::submit);
        page(routes, "POST", "/sign-out", signIn::signOut);

        page(routes, "GET", "/accounts", operator::accounts);
        page(routes, "GET", "/runs", operator::runs);
        page(routes, "POST", "/runs", operator::runNow);
        page(routes, "GET", "/prices", operator::prices);

        page(routes, "GET", "/accounts/{account_id}", accountPages::overview);
        page(routes, "GET", "/accounts/{account_id}/usage", accountPages::usage);
        page(routes, "GET", "/accounts/{account_id}/invoices", invoicePages::list);
        page(routes, "GET", "/accounts/{account_id}/invoices/{invoice_id}", invoicePages::show);
        page(routes, "GET", "/accounts/{account_id}/invoices/{invoice_id}/pdf", invoicePages::pdf);
        page(routes, "GET", "/accounts/{account_id}/profile", settings::profile);
        page(routes, "POST", "/accounts/{account_id}/profile", settings::saveProfile);
        page(routes, "GET", "/accounts/{account_id}/tokens", settings::tokens);
        page(routes, "POST", "/accounts/{account_id}/tokens", settings::createToken);
        page(routes, "POST", "/accounts/{account_id}/tokens/{token_id}/revoke", settings::revokeToken);

        page(routes, "GET", "/docs", this::reference);

        page(routes, "GET", "/invoice/{token}", invoicePages::hosted);
        page(routes, "GET", "/invoice/{token}/pdf", invoicePages::hostedPdf);
    }

    /**
     * The API reference: Swagger UI, from its WebJar, rendering {@code /client/v4/openapi.json}. Public, like the
     * document itself; it works offline (nothing is fetched from elsewhere).
     */
    private void reference(Context ctx) {
        views.page(ctx, 200, "reference.jte", SWAGGER_UI);
    }

    /** The chart library's script, from its WebJar in the jar (its version read from the WebJar itself). */
    public static String chartScript() {
        return CHART_SCRIPT;
    }

    private void page(RoutesConfig routes, String method, String path, Handler handler) {
        Handler guarded = ctx -> {
            headers(ctx);
            try {
                handler.handle(ctx);
            } catch (Gate.SignInRequired e) {
                ctx.redirect(e.expired() ? "/sign-in?expired" : "/sign-in", HttpStatus.SEE_OTHER);
            } catch (ConsoleError e) {
                error(ctx, e.status(), e.title(), e.getMessage());
            } catch (PaygoException e) {
                error(ctx, e.status(), e.status() == 429 ? "Slow down" : "Request refused",
                        e.errors().isEmpty() ? "The request was refused." : e.errors().get(0).message());
            } catch (RuntimeException e) {
                LOG.atError().setCause(e).addKeyValue("path", HttpEdge.loggedPath(ctx)).log("console page failed");
                error(ctx, 500, "Something went wrong", "The page could not be shown. The error is in the server's "
                        + "log with this request's id: " + ctx.res().getHeader("X-Request-Id") + ".");
            }
        };
        if (method.equals("GET")) {
            routes.get(path, guarded);
        } else {
            routes.post(path, guarded);
        }
    }

    private void error(Context ctx, int status, String title, String message) {
        Models.Chrome chrome = gate.current(ctx).map(who -> gate.chrome(who, title, "")).orElse(null);
        views.page(ctx, status, "error.jte", new Models.ErrorPage(chrome, status, title, message));
    }

    /** Every page: no caching (pages show money and, once, a new token), no framing, no referrer, strict CSP. */
    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
    }

    private static String webJarVersion(String group, String name) {
        String path = "/META-INF/maven/" + group + "/" + name + "/pom.properties";
        try (InputStream in = Console.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + name + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
