package dev.paygo;

import dev.paygo.focus.FocusController;
import dev.paygo.focus.FocusService;
import dev.paygo.org.OrganizationController;
import dev.paygo.org.OrganizationService;
import dev.paygo.zone.ZoneController;
import dev.paygo.zone.ZoneService;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.account.AccountController;
import dev.paygo.alert.AlertController;
import dev.paygo.alert.SpendAlertService;
import dev.paygo.account.AccountService;
import dev.paygo.auth.Authenticator;
import dev.paygo.auth.OperatorService;
import dev.paygo.auth.TokenController;
import dev.paygo.auth.TokenService;
import dev.paygo.auth.UserController;
import dev.paygo.auth.UserService;
import dev.paygo.catalog.CatalogController;
import dev.paygo.catalog.RatePlanController;
import dev.paygo.credit.CreditController;
import dev.paygo.console.Console;
import dev.paygo.credit.CreditService;
import dev.paygo.notify.Outbox;
import dev.paygo.notify.WebhookController;
import dev.paygo.notify.WebhookDispatcher;
import dev.paygo.notify.WebhookService;
import dev.paygo.catalog.CatalogLoader;
import dev.paygo.catalog.CatalogService;
import dev.paygo.db.Dialect;
import dev.paygo.db.Database;
import dev.paygo.http.BodyBudget;
import dev.paygo.routing.Guard;
import dev.paygo.http.HealthController;
import dev.paygo.apidoc.ApiDocController;
import dev.paygo.apidoc.ApiDocument;
import dev.paygo.http.HttpEdge;
import dev.paygo.routing.IdempotentRequests;
import dev.paygo.idempotency.IdempotencyService;
import dev.paygo.limit.AuthThrottle;
import dev.paygo.limit.BucketStore;
import dev.paygo.limit.DatabaseBuckets;
import dev.paygo.limit.MemoryBuckets;
import dev.paygo.limit.Rate;
import dev.paygo.limit.RateLimiter;
import dev.paygo.http.ProtocolErrors;
import dev.paygo.http.PublicUrl;
import dev.paygo.routing.Route;
import dev.paygo.http.Json;
import dev.paygo.http.JsonBody;
import dev.paygo.http.Responses;
import dev.paygo.routing.RouteTable;
import dev.paygo.invoice.BillingHistoryController;
import dev.paygo.invoice.BillingRun;
import dev.paygo.invoice.BillingScheduler;
import dev.paygo.invoice.FeeController;
import dev.paygo.invoice.FeeService;
import dev.paygo.invoice.InvoiceController;
import dev.paygo.invoice.InvoiceService;
import dev.paygo.payment.ManualGateway;
import dev.paygo.payment.Outcome;
import dev.paygo.payment.PaymentService;
import dev.paygo.payment.SetupIntentService;
import dev.paygo.payment.TestGateway;
import dev.paygo.profile.PaymentMethodService;
import dev.paygo.profile.ProfileController;
import dev.paygo.profile.ProfileService;
import dev.paygo.rating.RatingService;
import dev.paygo.rating.UsageRecordsController;
import dev.paygo.usage.UsageController;
import dev.paygo.usage.UsageService;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.UriCompliance;

/**
 * A paygo instance: database, services and (once {@link #start()}ed) the HTTP server. The CLI uses the
 * services directly for operator commands. Close it to stop serving and release the database.
 */
public final class PaygoServer implements AutoCloseable {
    /** How often every account with spend alerts is evaluated, besides as its usage arrives. */
    private static final Duration ALERT_SWEEP = Duration.ofMinutes(5);
    private final ServerConfig config;
    private final Database database;
    private final ObjectMapper mapper = Json.create();
    private final PublicUrl publicUrl;
    private final AccountService accounts;
    private final TokenService tokens;
    private final UserService users;
    private final OperatorService operators;
    private final ProfileService profiles;
    private final CatalogService catalog;
    private final UsageService usage;
    private final RatingService rating;
    private final PaymentService payments;
    private final FeeService fees;
    private final CreditService credits;
    private final SpendAlertService alerts;
    private final Outbox outbox;
    private final WebhookService webhooks;
    private WebhookDispatcher dispatcher;
    private final InvoiceService invoices;
    private final BillingRun billing;
    private final ZoneService zones;
    private final OrganizationService organizations;
    private final FocusService focus;
    private BillingScheduler scheduler;
    private Javalin app;
    private RouteTable routes;

    private PaygoServer(ServerConfig config, Database database, CatalogService catalog) {
        this.config = config;
        this.database = database;
        this.publicUrl = new PublicUrl(config.publicUrl());
        this.accounts = new AccountService(database.jdbi(), config.clock(), catalog);
        this.tokens = new TokenService(database.jdbi(), config.clock(), mapper);
        this.users = new UserService(database.jdbi(), config.clock(), tokens);
        this.operators = new OperatorService(database.jdbi(), config.clock(), config.operatorToken());
        this.profiles = new ProfileService(database.jdbi(), config.clock(), mapper);
        this.catalog = catalog;
        int writers = database.dialect() == Dialect.SQLITE ? 1 : 4;
        this.usage = new UsageService(database.jdbi(), config.clock(), catalog, config.lateEventDays(), writers);
        this.rating = new RatingService(usage, catalog, config.clock());
        this.payments = new PaymentService(database.jdbi(), config.clock(),
                List.of(new TestGateway(database.jdbi(), config.clock()), new ManualGateway()));
        this.fees = new FeeService(database.jdbi(), config.clock(), catalog);
        this.outbox = new Outbox(config.clock(), mapper, config.webhooks());
        this.webhooks = new WebhookService(database.jdbi(), config.clock(), config.webhooks());
        this.credits = new CreditService(database.jdbi(), config.clock(), rating, accounts, outbox);
        this.alerts = new SpendAlertService(database.jdbi(), config.clock(), rating, accounts, outbox, ALERT_SWEEP);
        usage.onStored(alerts::usageArrived);
        this.invoices = new InvoiceService(database.jdbi(), config.clock(), rating, fees, profiles, payments,
                credits, outbox, publicUrl, config.billing().invoiceGrace(), config.lateEventDays());
        this.billing = new BillingRun(database.jdbi(), config.clock(), accounts, invoices, payments, profiles,
                credits, config.billing());
        this.zones = new ZoneService(database.jdbi(), config.clock());
        this.organizations = new OrganizationService(database.jdbi(), config.clock(), accounts);
        this.focus = new FocusService(rating, catalog, accounts, invoices, usage, zones, config.clock());
    }

    /**
     * Loads the catalog, opens the database and applies its migrations; does not listen yet.
     *
     * @throws dev.paygo.catalog.InvalidCatalogException when the catalog file is invalid (the message names
     *     every bad line)
     */
    public static PaygoServer open(ServerConfig config) {
        CatalogService catalog = new CatalogService(config.catalogFile().map(CatalogLoader::load)
                .orElseGet(CatalogLoader::loadDefault));
        Database database = Database.open(config.databaseUrl(), config.poolSize());
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        PaygoServer server = new PaygoServer(config, database, catalog);
        try {
            server.accounts.checkCurrenciesArePriced();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Starts serving HTTP on the configured host and port. */
    public PaygoServer start() {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        FunctionCounter.builder("paygo.usage.commit.retries", usage, UsageService::commitRetries)
                .description("usage commit groups run again after a deadlock or serialization failure")
                .register(metrics);
        FunctionCounter.builder("paygo.spend_alerts.fired", alerts, SpendAlertService::fired)
                .description("spend alerts this node fired").register(metrics);
        alerts.start();
        dispatcher = new WebhookDispatcher(database.jdbi(), config.clock(), config.webhooks(), outbox).start();
        FunctionCounter.builder("paygo.webhook.deliveries", dispatcher, WebhookDispatcher::delivered)
                .tag("outcome", "delivered").description("webhook delivery attempts, by outcome").register(metrics);
        FunctionCounter.builder("paygo.webhook.deliveries", dispatcher, WebhookDispatcher::retrying)
                .tag("outcome", "retrying").description("webhook delivery attempts, by outcome").register(metrics);
        FunctionCounter.builder("paygo.webhook.deliveries", dispatcher, WebhookDispatcher::failed)
                .tag("outcome", "failed").description("webhook delivery attempts, by outcome").register(metrics);
        FunctionCounter.builder("paygo.webhook.events", outbox, Outbox::published)
                .description("webhook deliveries this node wrote to the outbox").register(metrics);
        Gauge.builder("paygo.webhook.outbox.depth", webhooks, WebhookService::outboxDepth)
                .description("webhook deliveries waiting to be sent, across nodes").register(metrics);
        FunctionCounter.builder("paygo.invoices.issued", billing, BillingRun::invoicesIssued)
                .description("invoices issued by this node's billing runs").register(metrics);
        for (Outcome outcome : Outcome.values()) {
            if (outcome != Outcome.PENDING) {
                FunctionCounter.builder("paygo.payments", billing, b -> b.payments(outcome)).tag("outcome", outcome.wire())
                        .description("payment attempts this node's billing runs recorded, by outcome").register(metrics);
            }
        }

        Responses responses = new Responses(mapper);
        BodyBudget bodies = new BodyBudget(config.maxInflightBodyBytes());
        Gauge.builder("paygo.http.body.bytes.held", bodies, BodyBudget::held)
                .description("request body bytes held in memory now, across requests").register(metrics);
        JsonBody body = new JsonBody(mapper, config.maxBodyBytes(), bodies);
        // One node on SQLite keeps its buckets in memory; nodes sharing PostgreSQL share them in the database.
        boolean shared = database.dialect() == Dialect.POSTGRESQL;
        BucketStore buckets = shared ? new DatabaseBuckets(database.jdbi()) : new MemoryBuckets();
        RateLimiter perCredential = new RateLimiter(new Rate(config.rateLimitPerSecond(), config.rateLimitBurst()),
                config.clock(), buckets, shared);
        RateLimiter authFailures = new RateLimiter(new Rate(config.authFailuresPerMinute() / 60.0,
                config.authFailuresPerMinute()), config.clock(), buckets, shared);
        Authenticator authenticator = new Authenticator(operators, tokens, users);
        AuthThrottle throttle = new AuthThrottle(authFailures, config.clock());
        Guard guard = new Guard(authenticator, perCredential, throttle, accounts);
        Console console = Console.create(new Console.Services(database.jdbi(), config.clock(), mapper, authenticator,
                throttle, accounts, rating, invoices, credits, catalog, profiles, tokens, billing),
                config.billing().issuer(), config.publicUrl().filter(u -> u.startsWith("https://")).isPresent(),
                config.billing().intervalSeconds() > 0);

        TokenController tokenController = new TokenController(tokens, body, responses);
        routes = Routes.table(
                new HealthController(responses, database::isReachable, metrics),
                new AccountController(accounts, body, responses),
                tokenController,
                new UserController(users, body, responses),
                new ProfileController(profiles, new PaymentMethodService(database.jdbi(), profiles, payments,
                        new SetupIntentService(database.jdbi(), config.clock())), invoices::balance, body, responses),
                new CatalogController(catalog, responses),
                new UsageController(usage, accounts, mapper, body, config.maxBatchEvents(), responses),
                new UsageRecordsController(rating, accounts, responses),
                new InvoiceController(invoices, payments, billing, body, responses),
                new BillingHistoryController(invoices, payments, responses),
                new FeeController(fees, body, responses),
                new CreditController(credits, body, responses),
                new RatePlanController(catalog, config.clock(), responses),
                new AlertController(alerts, body, responses),
                new WebhookController(webhooks, body, responses),
                new FocusController(focus, organizations, responses),
                new OrganizationController(organizations, tokenController, body, responses),
                new ZoneController(zones, body, responses),
                new ApiDocController(ApiDocument.load()));
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.startup.startupWatcherEnabled = false;
            c.http.prefer405over404 = true;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.router.treatMultipleSlashesAsSingleSlash = true;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.jetty.modifyHttpConfiguration(http -> {
                // Jetty's header cache would hand back an earlier request's Authorization value when a later one
                // differs only in letter case (a token with its case swapped would authenticate).
                http.setHeaderCacheCaseSensitive(true);
                http.setSendServerVersion(false);
                http.setUriCompliance(UriCompliance.DEFAULT);
            });
            c.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
            c.requestLogger.http((ctx, ms) -> HttpEdge.log(ctx, ms, metrics));
            c.staticFiles.enableWebjars();
            c.staticFiles.add(files -> {
                files.hostedPath = Console.ASSETS;
                files.directory = "/console";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=300", "X-Content-Type-Options", "nosniff");
            });
            HttpEdge.install(c.routes, responses);
            routes.install(c.routes, guard, new IdempotentRequests(new IdempotencyService(database.jdbi(),
                    config.clock()), body, responses), body);
            console.install(c.routes);
        });
        app.start();
        publicUrl.listeningOn(app.port());
        if (config.billing().intervalSeconds() > 0) {
            scheduler = new BillingScheduler(billing, config.billing().intervalSeconds());
        }
        return this;
    }

    /** Every route of the HTTP surface with its access (after {@link #start()}). */
    public List<Route> routes() {
        return routes.routes();
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The API's base URL on loopback, e.g. {@code http://127.0.0.1:8787/client/v4}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + Routes.BASE_PATH;
    }

    public ServerConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public AccountService accounts() {
        return accounts;
    }

    public TokenService tokens() {
        return tokens;
    }

    public UserService users() {
        return users;
    }

    public OperatorService operators() {
        return operators;
    }

    public ProfileService profiles() {
        return profiles;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public UsageService usage() {
        return usage;
    }

    public RatingService rating() {
        return rating;
    }

    public InvoiceService invoices() {
        return invoices;
    }

    public FeeService fees() {
        return fees;
    }

    public CreditService credits() {
        return credits;
    }

    public SpendAlertService alerts() {
        return alerts;
    }

    public WebhookService webhooks() {
        return webhooks;
    }

    public PaymentService payments() {
        return payments;
    }

    /** Billing runs: {@code paygo bill} and {@code POST /billing/runs} run one now. */
    public BillingRun billing() {
        return billing;
    }

    public ZoneService zones() {
        return zones;
    }

    public OrganizationService organizations() {
        return organizations;
    }

    public FocusService focus() {
        return focus;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (app != null) {
            app.stop();
        }
        alerts.close();
        if (dispatcher != null) {
            dispatcher.close();
        }
        usage.close();
        database.close();
    }
}
