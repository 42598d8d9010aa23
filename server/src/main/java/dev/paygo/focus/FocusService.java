package dev.paygo.focus;

import dev.paygo.account.Account;
import dev.paygo.account.AccountService;
import dev.paygo.account.Subscription;
import dev.paygo.catalog.AllowanceScope;
import dev.paygo.catalog.CatalogService;
import dev.paygo.catalog.Metric;
import dev.paygo.catalog.RatePlan;
import dev.paygo.invoice.BilledDayRow;
import dev.paygo.invoice.Invoice;
import dev.paygo.invoice.InvoiceService;
import dev.paygo.invoice.InvoiceStatus;
import dev.paygo.money.Money;
import dev.paygo.period.BillingPeriod;
import dev.paygo.period.BillingPeriods;
import dev.paygo.rating.RatingService;
import dev.paygo.rating.UsageRecord;
import dev.paygo.rating.UsageWindow;
import dev.paygo.usage.AllocationRow;
import dev.paygo.usage.Quantity;
import dev.paygo.usage.Tags;
import dev.paygo.usage.UsageService;
import dev.paygo.zone.ZoneService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * FOCUS 1.3 records (Cloudflare's v2 billable usage) with every cost filled, from the same rating as the v1
 * records:
 * <ul>
 *   <li>a day of a period not invoiced yet is its rated record as it stands;</li>
 *   <li>a day of an invoiced period is what its invoice billed of it; what a later invoice's correction line billed
 *       of it is a {@code Correction} row in that invoice's billing period, and what no invoice has billed yet (late
 *       usage) a {@code Correction} row in the period the next invoice bills;</li>
 *   <li>{@code EffectiveCost} is the cost less its share of the credit its invoice applied (the invoice's credit
 *       times the row's cost over the invoice's subtotal, rounded half-even at the record scale); rows no invoice
 *       has billed yet have no credit applied;</li>
 *   <li>grouped by zone or tag, each row is split into one row per group in proportion to the day's consumption
 *       of the groups (usage without the zone or tag is one group), every quantity and cost by the largest
 *       remainder at its scale, so the groups add up exactly to the ungrouped row.</li>
 * </ul>
 * Thread-safe.
 */
public final class FocusService {
    /** Decimal places of a split pricing quantity (consumed quantities keep their 18, costs the record scale). */
    static final int PRICING_SCALE = 6;

    private final RatingService rating;
    private final CatalogService catalog;
    private final AccountService accounts;
    private final InvoiceService invoices;
    private final UsageService usage;
    private final ZoneService zones;
    private final Clock clock;

    public FocusService(RatingService rating, CatalogService catalog, AccountService accounts, InvoiceService invoices,
                        UsageService usage, ZoneService zones, Clock clock) {
        this.rating = rating;
        this.catalog = catalog;
        this.accounts = accounts;
        this.invoices = invoices;
        this.usage = usage;
        this.zones = zones;
        this.clock = clock;
    }

    /** The window of a query's {@code from} and {@code to} (400 / 1183 when invalid). */
    public UsageWindow window(Function<String, String> param) {
        return UsageWindow.parseFocus(param, today());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The account's records of the days in {@code window}, by day and metric. */
    public List<FocusRecord> records(Account account, UsageWindow window, GroupBy groupBy) {
        List<UsageRecord> rated = rating.records(account, window);
        List<FocusRecord> rows = ungrouped(account, window, rated);
        return groupBy.isNone() ? rows : grouped(account, window, rated, rows, groupBy);
    }

    /** The records of several accounts (an organization's), account by account. */
    public List<FocusRecord> records(List<Account> members, UsageWindow window, GroupBy groupBy) {
        List<FocusRecord> all = new ArrayList<>();
        members.forEach(account -> all.addAll(records(account, window, groupBy)));
        return all;
    }

    /**
     * Hands the records of {@code [from, to]} to {@code sink}, account by account and at most
     * {@value UsageWindow#MAX_FOCUS_DAYS} days at a time, so memory holds one such slice whatever the range.
     */
    public void stream(List<Account> members, LocalDate from, LocalDate to, GroupBy groupBy,
                       Consumer<FocusRecord> sink) {
        stream(members, from, to, groupBy, sink, (done, total) -> { });
    }

    /** How far a long {@link #stream} has come, in account-days. */
    @FunctionalInterface
    public interface Progress {
        void advanced(long daysDone, long daysTotal);
    }

    /** As {@link #stream}, telling {@code progress} after each slice. */
    public void stream(List<Account> members, LocalDate from, LocalDate to, GroupBy groupBy,
                       Consumer<FocusRecord> sink, Progress progress) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        long total = days * members.size();
        long done = 0;
        for (Account account : members) {
            for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(UsageWindow.MAX_FOCUS_DAYS)) {
                LocalDate end = start.plusDays(UsageWindow.MAX_FOCUS_DAYS - 1L);
                UsageWindow slice = new UsageWindow(start, end.isAfter(to) ? to : end);
                records(account, slice, groupBy).forEach(sink);
                done += java.time.temporal.ChronoUnit.DAYS.between(slice.from(), slice.to()) + 1;
                progress.advanced(done, total);
            }
        }
    }

    /** Quantities and cost of a row: a day as rated, as billed, or a difference of those. */
    private record Amounts(BigDecimal consumed, BigDecimal pricing, BigDecimal cost) {
        static final Amounts ZERO = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        static Amounts of(BilledDayRow row) {
            return new Amounts(new BigDecimal(row.consumed()), new BigDecimal(row.pricingQuantity()),
                    new BigDecimal(row.cost()));
        }

        Amounts minus(Amounts other) {
            return new Amounts(consumed.subtract(other.consumed), pricing.subtract(other.pricing),
                    cost.subtract(other.cost));
        }

        boolean isZero() {
            return consumed.signum() == 0 && pricing.signum() == 0 && cost.signum() == 0;
        }
    }

    private List<FocusRecord> ungrouped(Account account, UsageWindow window, List<UsageRecord> rated) {
        Currency currency = Currency.getInstance(account.billingCurrency());
        BillingPeriods periods = new BillingPeriods(account.billingCycleAnchor());
        List<BilledDayRow> billed = invoices.billedDays(account, periods.containing(window.from()).start(),
                window.to().plusDays(1));
        Set<String> billedPeriods = billed.stream().filter(BilledDayRow::isMarker).map(BilledDayRow::periodStart)
                .collect(Collectors.toSet());
        Map<String, List<BilledDayRow>> snapshots = billed.stream().filter(r -> !r.isMarker())
                .collect(Collectors.groupingBy(r -> r.metric() + "|" + r.utcDay(), LinkedHashMap::new,
                        Collectors.toList()));
        Map<String, Invoice> invoiceOf = billedPeriods.isEmpty() ? Map.of() : invoices.listAll(account).stream()
                .filter(i -> i.status() != InvoiceStatus.VOID)
                .collect(Collectors.toMap(i -> i.periodStart().toString(), i -> i, (a, b) -> a));
        Row row = new Row(account, subscription(account), rating.provider(), currency);
        BillingPeriod[] next = new BillingPeriod[1];
        List<FocusRecord> out = new ArrayList<>();
        for (UsageRecord r : rated) {
            String period = r.billingPeriodStart().toString();
            Amounts now = new Amounts(r.consumedQuantity(), r.pricingQuantity(), r.contractedCost().amount());
            Optional<Metric> metric = catalog.findMetric(r.metric());
            BigDecimal unitPrice = metric.map(m -> unitPrice(m, r, currency)).orElse(BigDecimal.ZERO);
            String category = metric.flatMap(Metric::category).orElse(null);
            if (!billedPeriods.contains(period)) {
                out.add(row.of(r, unitPrice, category, now, periods.containing(r.billingPeriodStart()), null,
                        now.cost()));
                continue;
            }
            Amounts before = Amounts.ZERO;
            for (BilledDayRow snapshot : snapshots.getOrDefault(r.metric() + "|" + r.chargePeriodStart(), List.of())) {
                Amounts billedNow = Amounts.of(snapshot);
                Amounts part = snapshot.billedIn().equals(period) ? billedNow : billedNow.minus(before);
                if (snapshot.billedIn().equals(period) || !part.isZero()) {
                    out.add(row.of(r, unitPrice, category, part,
                            periods.containing(LocalDate.parse(snapshot.billedIn())),
                            snapshot.billedIn().equals(period) ? null : FocusRecord.CORRECTION,
                            effective(part.cost(), invoiceOf.get(snapshot.billedIn()), currency)));
                }
                before = billedNow;
            }
            Amounts pending = now.minus(before);
            if (!pending.isZero()) {
                if (next[0] == null) {
                    next[0] = invoices.nextToBill(account);
                }
                out.add(row.of(r, unitPrice, category, pending, next[0], FocusRecord.CORRECTION, pending.cost()));
            }
        }
        return out;
    }

    /** The unit price in force for the day's last pricing unit (see {@link dev.paygo.catalog.PriceVersion}). */
    private static BigDecimal unitPrice(Metric m, UsageRecord r, Currency currency) {
        return m.versionAt(r.chargePeriodStart()).map(v -> v.unitPriceAt(m.includedScope() == AllowanceScope.DAY
                ? r.pricingQuantity() : r.cumulatedPricingQuantity(), currency)).orElse(BigDecimal.ZERO);
    }

    /** The cost less its share of the credit its invoice applied; the cost itself when no invoice billed it. */
    private static BigDecimal effective(BigDecimal cost, Invoice invoice, Currency currency) {
        if (invoice == null || invoice.credits().amount().signum() == 0) {
            return cost;
        }
        BigDecimal subtotal = invoice.total().plus(invoice.credits()).amount();
        if (subtotal.signum() <= 0) {
            return cost;
        }
        BigDecimal share = cost.multiply(invoice.credits().amount()).divide(subtotal, Money.recordScale(currency),
                RoundingMode.HALF_EVEN);
        return cost.subtract(share).setScale(Money.recordScale(currency), RoundingMode.UNNECESSARY);
    }

    private String subscription(Account account) {
        return accounts.subscriptions(account.id()).stream().findFirst().map(Subscription::id).orElse(null);
    }

    /** What every row of one account shares. */
    private record Row(Account account, String subscriptionId, String provider, Currency currency) {
        FocusRecord of(UsageRecord r, BigDecimal unitPrice, String category, Amounts amounts, BillingPeriod billing,
                       String chargeClass, BigDecimal effectiveCost) {
            int scale = Money.recordScale(currency);
            BigDecimal cost = amounts.cost().setScale(scale, RoundingMode.UNNECESSARY);
            String description = (chargeClass == null ? "" : "Correction of an invoiced day: ") + r.serviceName()
                    + " (" + r.metric() + ")";
            return new FocusRecord(account.id(), account.name(), currency.getCurrencyCode(), billing.start(),
                    billing.end(), chargeClass, description, r.chargePeriodStart(), r.chargePeriodEnd(),
                    amounts.consumed(), r.consumedUnit(), amounts.pricing(), r.pricingUnit(), cost, cost, unitPrice,
                    effectiveCost.setScale(scale, RoundingMode.UNNECESSARY), cost, unitPrice, provider,
                    subscriptionId, subscriptionId == null ? null : "PayGo", r.metric(), r.serviceName(),
                    RatePlan.key(r.serviceFamilyName()), r.serviceFamilyName(), category, false, Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
    }

    /**
     * The values of the grouped dimensions of an allocation group; empty ones for usage without them. Ordered by
     * {@code sortKey}: usage without the zone or tags first, then by zone id and the tags' canonical JSON.
     */
    private record Dims(Optional<String> zone, SortedMap<String, String> tags, String sortKey) {
        static final Dims NONE = of(Optional.empty(), new TreeMap<>());

        static Dims of(Optional<String> zone, SortedMap<String, String> tags) {
            String tagKey = tags.isEmpty() ? "0" : "1" + new Tags(tags).toJson();
            return new Dims(zone, tags, zone.map(z -> "1" + z).orElse("0") + "\u0001" + tagKey);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Dims d && d.sortKey.equals(sortKey);
        }

        @Override
        public int hashCode() {
            return sortKey.hashCode();
        }
    }

    private List<FocusRecord> grouped(Account account, UsageWindow window, List<UsageRecord> rated,
                                      List<FocusRecord> rows, GroupBy groupBy) {
        Map<String, BigDecimal> dayTotals = new HashMap<>();
        rated.forEach(r -> dayTotals.put(r.metric() + "|" + r.chargePeriodStart(), r.consumedQuantity()));
        Map<String, Tags> parsed = new HashMap<>();
        Map<String, Map<Dims, BigDecimal>> groups = new HashMap<>();
        for (AllocationRow a : usage.listAllocations(account.id(), window.from(), window.to().plusDays(1))) {
            Tags tags = a.tags() == null ? Tags.NONE : parsed.computeIfAbsent(a.tags(), Tags::fromJson);
            SortedMap<String, String> values = new TreeMap<>();
            groupBy.tagKeys().forEach(k -> tags.get(k).ifPresent(v -> values.put(k, v)));
            Dims dims = Dims.of(groupBy.zone() ? Optional.ofNullable(a.zoneId()) : Optional.empty(), values);
            groups.computeIfAbsent(a.metric() + "|" + a.utcDay(), k -> new TreeMap<>(
                            java.util.Comparator.comparing(Dims::sortKey)))
                    .merge(dims, Quantity.of(a.quantityUnits(), a.quantityAtto()), BigDecimal::add);
        }
        Map<String, String> zoneNames = groupBy.zone() ? zones.names(account) : Map.of();
        int costScale = Money.recordScale(Currency.getInstance(account.billingCurrency()));
        List<FocusRecord> out = new ArrayList<>();
        for (FocusRecord row : rows) {
            String key = row.billableMetricId() + "|" + row.chargePeriodStart();
            Map<Dims, BigDecimal> weights = new TreeMap<>(java.util.Comparator.comparing(Dims::sortKey));
            BigDecimal allocated = BigDecimal.ZERO;
            for (Map.Entry<Dims, BigDecimal> g : groups.getOrDefault(key, Map.of()).entrySet()) {
                weights.merge(g.getKey(), g.getValue(), BigDecimal::add);
                allocated = allocated.add(g.getValue());
            }
            BigDecimal rest = dayTotals.getOrDefault(key, BigDecimal.ZERO).subtract(allocated);
            if (rest.signum() > 0 || weights.isEmpty()) {
                weights.merge(Dims.NONE, rest.max(BigDecimal.ZERO), BigDecimal::add);
            }
            List<Dims> order = new ArrayList<>(weights.keySet());
            List<BigDecimal> w = order.stream().map(weights::get).toList();
            Map<FocusRecord.Column, List<BigDecimal>> parts = new EnumMap<>(FocusRecord.Column.class);
            for (FocusRecord.Column column : FocusRecord.Column.values()) {
                BigDecimal amount = row.amount(column);
                int scale = column.isCost() ? costScale
                        : column == FocusRecord.Column.PRICING ? PRICING_SCALE : Quantity.MAX_SCALE;
                scale = Math.max(scale, Math.max(amount.stripTrailingZeros().scale(), 0));
                parts.put(column, LargestRemainder.split(amount, w, scale));
            }
            for (int i = 0; i < order.size(); i++) {
                Dims dims = order.get(i);
                Map<FocusRecord.Column, BigDecimal> amounts = new EnumMap<>(FocusRecord.Column.class);
                for (FocusRecord.Column column : FocusRecord.Column.values()) {
                    BigDecimal part = parts.get(column).get(i);
                    amounts.put(column, column.isCost() ? part.setScale(costScale, RoundingMode.UNNECESSARY)
                            : part.signum() == 0 ? BigDecimal.ZERO : part.stripTrailingZeros());
                }
                out.add(row.share(amounts, groupBy.zone(), dims.zone(), dims.zone().map(zoneNames::get),
                        groupBy.tagKeys().isEmpty() ? Optional.empty() : Optional.of(dims.tags())));
            }
        }
        return out;
    }
}
