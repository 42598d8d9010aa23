package dev.paygo.console;

import dev.paygo.account.Account;
import dev.paygo.account.AccountService;
import dev.paygo.catalog.Catalog;
import dev.paygo.catalog.CatalogService;
import dev.paygo.catalog.Metric;
import dev.paygo.catalog.PriceVersion;
import dev.paygo.catalog.Tier;
import dev.paygo.paging.Page;
import dev.paygo.paging.PageRequest;
import dev.paygo.invoice.BillingRun;
import dev.paygo.invoice.Invoice;
import dev.paygo.invoice.InvoiceService;
import dev.paygo.invoice.RunReport;
import dev.paygo.money.Money;
import dev.paygo.period.BillingPeriod;
import dev.paygo.period.BillingPeriods;
import dev.paygo.rating.RatingService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The operator's pages: every account with this period's cost so far and what its last period was invoiced,
 * searchable; billing runs (run one now, the latest result); and the prices in force, which any signed-in caller
 * may read (as {@code GET /billing/catalog}).
 */
final class OperatorPages {
    private static final int ACCOUNTS_PER_PAGE = 25;
    private static final Duration RUN_WAIT = Duration.ofSeconds(30);

    private final Gate gate;
    private final Views views;
    private final AccountService accounts;
    private final RatingService rating;
    private final InvoiceService invoices;
    private final BillingRun billing;
    private final CatalogService catalog;
    private final Clock clock;
    private final boolean scheduled;

    /** @param scheduled whether billing runs on a schedule on this node */
    OperatorPages(Gate gate, Views views, AccountService accounts, RatingService rating, InvoiceService invoices,
                  BillingRun billing, CatalogService catalog, Clock clock, boolean scheduled) {
        this.gate = gate;
        this.views = views;
        this.accounts = accounts;
        this.rating = rating;
        this.invoices = invoices;
        this.billing = billing;
        this.catalog = catalog;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    void accounts(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Gate.operatorOnly(who);
        String query = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        if (query.length() > 200) {
            throw new ConsoleError(400, "Search too long", "Search for at most 200 characters of a name or an id.");
        }
        int page = pageNumber(ctx.queryParam("page"));
        Page<Account> found = accounts.search(query, new PageRequest(page, ACCOUNTS_PER_PAGE));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Models.AccountLine> lines = found.items().stream().map(a -> line(a, today)).toList();
        long matching = found.info().totalCount();
        String base = "/accounts?" + (query.isEmpty() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&") + "page=";
        views.page(ctx, 200, "accounts.jte", new Models.Accounts(gate.chrome(who, "Accounts", "accounts"), query,
                lines, page > 1 ? base + (page - 1) : null,
                (long) page * ACCOUNTS_PER_PAGE < matching ? base + (page + 1) : null, matching));
    }

    private Models.AccountLine line(Account account, LocalDate today) {
        BillingPeriods periods = new BillingPeriods(account.billingCycleAnchor());
        BillingPeriod current = periods.containing(today);
        Money soFar = rating.costSoFar(account, current, today);
        Optional<Money> last = invoices.listAll(account).stream()
                .filter(i -> i.periodEnd().equals(current.start())).findFirst()
                .map((Invoice i) -> i.total().plus(i.credits()));
        return new Models.AccountLine(account.id(), account.name(), account.billingCurrency(), Fmt.money(soFar),
                soFar.toWire(), last.map(Fmt::money).orElse("—"), last.map(Money::toWire).orElse("-1"));
    }

    void runs(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Gate.operatorOnly(who);
        String notice = ctx.queryParam("ran") != null ? "The billing run finished."
                : ctx.queryParam("busy") != null ? "Another billing run holds the lock; try again in a moment." : null;
        views.page(ctx, 200, "runs.jte", new Models.Runs(gate.chrome(who, "Billing runs", "runs"),
                billing.last().map(OperatorPages::run).orElse(null), notice, scheduled));
    }

    void runNow(Context ctx) throws InterruptedException {
        SignedIn who = gate.signedIn(ctx);
        Gate.checkForm(ctx, who.session());
        Gate.operatorOnly(who);
        Optional<RunReport> report = billing.run(RUN_WAIT);
        ctx.redirect(report.isPresent() ? "/runs?ran" : "/runs?busy", HttpStatus.SEE_OTHER);
    }

    private static Models.RunView run(RunReport r) {
        String payments = r.payments().isEmpty() ? "none" : new TreeMap<>(r.payments()).entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        return new Models.RunView(Fmt.time(r.startedAt()), Fmt.time(r.finishedAt()), r.invoicesIssued(),
                r.paymentsAttempted(), payments, r.recovered(), r.failures(), r.complete());
    }

    void prices(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Catalog c = catalog.catalog();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Models.PriceRow> rows = new ArrayList<>();
        c.listMetrics().stream().sorted(Comparator.comparing(Metric::family).thenComparing(Metric::name))
                .forEach(m -> m.versionAt(today).ifPresent(v -> rows.add(price(m, v, c))));
        views.page(ctx, 200, "prices.jte", new Models.Prices(gate.chrome(who, "Prices", "prices"), c.provider(),
                c.primaryCurrency().getCurrencyCode(), rows));
    }

    private static Models.PriceRow price(Metric m, PriceVersion v, Catalog c) {
        String unit = m.pricingUnitSize().compareTo(BigDecimal.ONE) == 0 ? m.pricingUnit()
                : Fmt.quantity(m.pricingUnitSize()) + " " + m.consumedUnit();
        List<String> tiers = new ArrayList<>();
        BigDecimal from = BigDecimal.ZERO;
        for (Tier t : v.tiers()) {
            String price = Fmt.price(t.price(c.primaryCurrency()), c.primaryCurrency());
            String per = v.blockSize().compareTo(BigDecimal.ONE) == 0 ? m.pricingUnit()
                    : Fmt.quantity(v.blockSize()) + " " + m.pricingUnit();
            String range = t.upTo().map(u -> "up to " + Fmt.quantity(u)).orElse(from.signum() == 0 ? "each"
                    : "beyond " + Fmt.quantity(from));
            tiers.add(range + ": " + price + " per " + per);
            from = t.upTo().orElse(from);
        }
        return new Models.PriceRow(m.id(), m.name(), m.family(), unit,
                v.included().signum() == 0 ? "—" : Fmt.quantity(v.included()) + " " + m.pricingUnit(), tiers,
                Fmt.day(v.effectiveFrom()));
    }

    private static int pageNumber(String value) {
        try {
            int page = value == null ? 1 : Integer.parseInt(value);
            if (page < 1 || page > 100_000) {
                throw new NumberFormatException();
            }
            return page;
        } catch (NumberFormatException e) {
            throw new ConsoleError(400, "No such page", "A page number is a whole number from 1.");
        }
    }
}
