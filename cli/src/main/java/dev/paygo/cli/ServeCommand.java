package dev.paygo.cli;

import dev.paygo.PaygoServer;
import dev.paygo.db.Database;
import dev.paygo.demo.DemoData;
import dev.paygo.period.BillingPeriods;
import java.time.LocalDate;
import java.time.YearMonth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paygo serve}: runs the HTTP API until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the API (Ctrl-C stops it).")
final class ServeCommand implements Callable<Integer> {
    private static final Pattern PUBLIC_URL = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+/?");
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--port", defaultValue = "${env:PAYGO_PORT:-8787}",
            description = "port to listen on (env PAYGO_PORT; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "${env:PAYGO_HOST:-0.0.0.0}",
            description = "address to listen on (env PAYGO_HOST; default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--max-body-bytes", defaultValue = "${env:PAYGO_MAX_BODY_BYTES:-10485760}",
            description = "largest request body accepted (env PAYGO_MAX_BODY_BYTES; default ${DEFAULT-VALUE})")
    long maxBodyBytes;

    @Option(names = "--rate-limit", defaultValue = "${env:PAYGO_RATE_LIMIT:-100}",
            description = "requests per second per credential, bursts of twice that; 0 turns it off "
                    + "(env PAYGO_RATE_LIMIT; default ${DEFAULT-VALUE})")
    double rateLimit;

    @Mixin
    BillingOptions billing;

    @Mixin
    WebhookOptions webhooks;

    @Option(names = "--billing-interval", defaultValue = "${env:PAYGO_BILLING_INTERVAL:-60}", paramLabel = "SECONDS",
            description = "seconds between background billing runs; 0 = never in the background "
                    + "(env PAYGO_BILLING_INTERVAL; default ${DEFAULT-VALUE})")
    int billingInterval;

    @Option(names = "--max-batch-events", defaultValue = "${env:PAYGO_MAX_BATCH_EVENTS:-10000}",
            description = "most usage events in one request (env PAYGO_MAX_BATCH_EVENTS; default ${DEFAULT-VALUE})")
    int maxBatchEvents;

    @Option(names = "--max-inflight-body-bytes", defaultValue = "${env:PAYGO_MAX_INFLIGHT_BODY_BYTES:-67108864}",
            description = "most request body bytes held at once across all requests; beyond, 503 with Retry-After "
                    + "(env PAYGO_MAX_INFLIGHT_BODY_BYTES; default ${DEFAULT-VALUE}, 64 MiB)")
    long maxInflightBodyBytes;

    @Option(names = "--auth-failures-per-minute", defaultValue = "${env:PAYGO_AUTH_FAILURES_PER_MINUTE:-30}",
            description = "failed authentications allowed per client address and per email a minute; beyond, 429 "
                    + "(env PAYGO_AUTH_FAILURES_PER_MINUTE; default ${DEFAULT-VALUE}; 0 turns it off)")
    int authFailuresPerMinute;

    @Option(names = "--public-url", defaultValue = "${env:PAYGO_PUBLIC_URL}", paramLabel = "URL",
            description = "the address people reach this server at, scheme://host[:port] without a path, for the "
                    + "links paygo hands out (an invoice's hosted_invoice_url); https also makes the console's cookies "
                    + "Secure (env PAYGO_PUBLIC_URL; default http://localhost:<port>)")
    String publicUrl;

    @Option(names = "--demo", description = "create the demo account, profile, token and 60 days of usage "
            + "(idempotent)")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        if (publicUrl != null && !PUBLIC_URL.matcher(publicUrl).matches()) {
            throw new ParameterException(spec.commandLine(), "--public-url must be http(s)://host[:port] without a "
                    + "path, e.g. https://billing.example.com (got '" + publicUrl + "')");
        }
        Optional<String> operatorToken = Optional.ofNullable(System.getenv("PAYGO_OPERATOR_TOKEN"))
                .filter(t -> !t.isBlank());
        PaygoServer paygo = PaygoServer.open(webhooks.apply(billing.apply(database.config(), billingInterval)).withHost(host)
                .withPort(port).withMaxBodyBytes(maxBodyBytes).withRateLimit(rateLimit).withOperatorToken(operatorToken)
                .withMaxInflightBodyBytes(maxInflightBodyBytes)
                .withAuthFailuresPerMinute(authFailuresPerMinute)
                .withMaxBatchEvents(maxBatchEvents).withPublicUrl(Optional.ofNullable(publicUrl)));
        Optional<DemoData.Demo> seeded = demo
                ? Optional.of(DemoData.seed(paygo, dataFolder().resolve("demo-token"))) : Optional.empty();
        paygo.start();

        String base = "http://localhost:" + paygo.port() + "/client/v4";
        PrintWriter out = spec.commandLine().getOut();
        out.println("paygo is serving " + base + " (database " + database.shownUrl() + ")");
        out.println("Web console: " + Optional.ofNullable(publicUrl).orElse("http://localhost:" + paygo.port()) + "/ "
                + (seeded.isPresent() ? "(sign in with the demo token below" : "(sign in with an API token")
                + " or the operator token)");
        out.println("API reference: " + Optional.ofNullable(publicUrl).orElse("http://localhost:" + paygo.port())
                + "/docs (the OpenAPI document: " + base + "/openapi.json)");
        seeded.ifPresent(d -> {
            out.println();
            out.println("Demo account: " + d.account().id() + " (" + d.account().name() + ")");
            out.println("Demo token (Billing Read): " + d.token());
            out.println("Demo usage: 60 days up to today (" + d.newEvents() + " new events loaded)");
            out.println();
            out.println("Try the billing profile:");
            out.println("  curl -s " + base + "/accounts/" + d.account().id() + "/billing/profile \\");
            out.println("    -H \"Authorization: Bearer " + d.token() + "\"");
            YearMonth last = YearMonth.from(new BillingPeriods(d.account().billingCycleAnchor())
                    .containing(LocalDate.now(paygo.config().clock())).start()).minusMonths(1);
            out.println("the daily usage of the last full billing period:");
            out.println("  curl -s \"" + base + "/accounts/" + d.account().id() + "/billing/usage/paygo"
                    + "?last_year_period_start=" + last.getYear() + "&last_month_period_start="
                    + last.getMonthValue() + "\" \\");
            out.println("    -H \"Authorization: Bearer " + d.token() + "\"");
            out.println("and the current one (no parameters):");
            out.println("  curl -s " + base + "/accounts/" + d.account().id() + "/billing/usage/paygo \\");
            out.println("    -H \"Authorization: Bearer " + d.token() + "\"");
            out.println();
            out.println("Demo invoices (past periods; the welcome credit pays first, the test card 4242 the rest):");
            d.invoices().forEach(i -> out.printf("  %s  %s to %s  %s %s, credit %s, card %s  %s%n", i.number(),
                    i.periodStart(), i.periodEnd().minusDays(1), i.total().plus(i.credits()).toWire(),
                    i.total().currencyCode(), i.credits().toWire(), i.total().toWire(), i.status().wire()));
            out.println("read them, the billing history and the credit left:");
            for (String path : List.of("/invoices", "/billing/history", "/billing/credits")) {
                out.println("  curl -s " + base + "/accounts/" + d.account().id() + path + " \\");
                out.println("    -H \"Authorization: Bearer " + d.token() + "\"");
            }
            out.println("FOCUS 1.3 records with costs (the demo usage comes from two zones, tagged by team), split by "
                    + "team, and as Parquet:");
            out.println("  curl -s \"" + base + "/accounts/" + d.account().id() + "/billable/usage?group_by=tag:team\" \\");
            out.println("    -H \"Authorization: Bearer " + d.token() + "\"");
            out.println("  curl -s -o focus.parquet \"" + base + "/accounts/" + d.account().id()
                    + "/billable/usage/export?format=parquet\" \\");
            out.println("    -H \"Authorization: Bearer " + d.token() + "\"");
        });
        if (operatorToken.isEmpty()) {
            out.println();
            out.println("No PAYGO_OPERATOR_TOKEN is set: create an operator token with "
                    + "'./paygo operator-token create' to manage accounts over HTTP.");
        }
        out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            paygo.close();
            stopped.countDown();
        }, "paygo-shutdown"));
        stopped.await();
        return 0;
    }

    private Path dataFolder() {
        return Database.sqliteFile(database.url()).map(f -> f.toAbsolutePath().getParent())
                .orElse(Path.of("data"));
    }
}
