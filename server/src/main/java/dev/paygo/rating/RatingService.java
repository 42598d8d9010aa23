package dev.paygo.rating;

import dev.paygo.account.Account;
import dev.paygo.catalog.CatalogService;
import dev.paygo.money.Money;
import dev.paygo.period.BillingPeriod;
import dev.paygo.period.BillingPeriods;
import dev.paygo.usage.UsageService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Usage records of an account: its daily usage rated against the catalog. Thread-safe. */
public final class RatingService {
    private final UsageService usage;
    private final CatalogService catalog;
    private final Clock clock;

    public RatingService(UsageService usage, CatalogService catalog, Clock clock) {
        this.usage = usage;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The window of a usage query's parameters for this account (400 / 1183 when they are invalid). */
    public UsageWindow window(Account account, Function<String, String> queryParam) {
        return UsageWindow.parse(queryParam, new BillingPeriods(account.billingCycleAnchor()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** The records of the days in {@code window}, by day then metric; cumulatives count from each period start. */
    public List<UsageRecord> records(Account account, UsageWindow window) {
        BillingPeriods periods = new BillingPeriods(account.billingCycleAnchor());
        LocalDate start = periods.containing(window.from()).start();
        return Rater.rate(catalog.catalog(), Currency.getInstance(account.billingCurrency()), periods,
                usage.listDaily(account.id(), start, window.to().plusDays(1)), window.from(), window.to());
    }

    /** The records of every day of a billing period (an invoice's usage). */
    public List<UsageRecord> records(Account account, BillingPeriod period) {
        return records(account, new UsageWindow(period.start(), period.end().minusDays(1)));
    }

    /**
     * The exact cost (before any rounding) of the account's usage in the billing period holding {@code today},
     * from its first day through {@code today}.
     */
    public Money costSoFar(Account account, BillingPeriod current, LocalDate today) {
        Map<String, Money> byMetric = new HashMap<>();
        for (UsageRecord r : records(account, new UsageWindow(current.start(), today))) {
            byMetric.put(r.metric(), r.exactCumulatedCost());
        }
        return byMetric.values().stream().reduce(Money.zero(Currency.getInstance(account.billingCurrency())),
                Money::plus);
    }

    /** The first day the account has usage on, if any. */
    public Optional<LocalDate> firstUsageDay(Account account) {
        return usage.findFirstDay(account.id());
    }

    /** The version of the account's usage: records computed at one version stay right until it changes. */
    public long usageVersion(Account account) {
        return usage.version(account.id());
    }

    public String provider() {
        return catalog.catalog().provider();
    }
}
