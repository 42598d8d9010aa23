package dev.paygo.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.account.Account;
import dev.paygo.auth.PermissionGroup;
import dev.paygo.catalog.CatalogService;
import dev.paygo.catalog.Metric;
import dev.paygo.credit.CreditService;
import dev.paygo.credit.CreditSummary;
import dev.paygo.invoice.InvoiceService;
import dev.paygo.invoice.UpcomingInvoice;
import dev.paygo.money.Money;
import dev.paygo.period.BillingPeriod;
import dev.paygo.period.BillingPeriods;
import dev.paygo.rating.RatingService;
import dev.paygo.rating.UsageRecord;
import dev.paygo.rating.UsageWindow;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An account's overview (the current period: cost so far, forecast, upcoming invoice, credit left, daily cost by
 * service against the previous period) and its usage explorer (one metric over a period or a range). Every figure
 * comes from the rating the API serves: the overview's period is {@code GET …/billing/usage/paygo} with no
 * parameters, and its total is the sum of that answer's {@code ContractedCost}.
 */
final class AccountPages {
    /** The longest range the explorer draws: a year and a day. */
    static final int MAX_RANGE_DAYS = 366;
    /** How many past periods the explorer offers in its list. */
    private static final int PERIODS_OFFERED = 13;

    private final Gate gate;
    private final Views views;
    private final RatingService rating;
    private final InvoiceService invoices;
    private final CreditService credits;
    private final CatalogService catalog;
    private final ObjectMapper mapper;
    private final Clock clock;

    AccountPages(Gate gate, Views views, RatingService rating, InvoiceService invoices, CreditService credits,
                 CatalogService catalog, ObjectMapper mapper, Clock clock) {
        this.gate = gate;
        this.views = views;
        this.rating = rating;
        this.invoices = invoices;
        this.credits = credits;
        this.catalog = catalog;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** One metric's totals over the records of a window. */
    private static final class Totals {
        final UsageRecord first;
        BigDecimal consumed = BigDecimal.ZERO;
        Money cost;

        Totals(UsageRecord first) {
            this.first = first;
            this.cost = first.contractedCost().minus(first.contractedCost());
        }

        void add(UsageRecord r) {
            consumed = consumed.add(r.consumedQuantity());
            cost = cost.plus(r.contractedCost());
        }
    }

    /** The account in view, today (UTC) and its billing period. */
    private record InView(SignedIn who, Account account, Currency currency, LocalDate today, BillingPeriods periods,
                          BillingPeriod current) {
    }

    private InView inView(Context ctx) {
        SignedIn who = gate.signedIn(ctx);
        Account account = gate.account(ctx, who, PermissionGroup.BILLING_READ);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        BillingPeriods periods = new BillingPeriods(account.billingCycleAnchor());
        return new InView(who, account, Currency.getInstance(account.billingCurrency()), today, periods,
                periods.containing(today));
    }

    void overview(Context ctx) {
        InView v = inView(ctx);
        List<UsageRecord> records = rating.records(v.account(), v.current());
        Money total = records.stream().map(UsageRecord::contractedCost).reduce(Money.zero(v.currency()), Money::plus);
        boolean empty = records.stream().allMatch(r -> r.consumedQuantity().signum() == 0);
        String chart = empty ? null : json(costChart(v, records,
                rating.records(v.account(), v.periods().containing(v.current().start().minusDays(1)))));
        views.page(ctx, 200, "overview.jte", new Models.Overview(gate.chrome(v.who(), v.account(), "Overview",
                "overview", true), Fmt.period(v.current().start(), v.current().end()), figures(v, total), chart,
                services(records), Fmt.money(total), empty));
    }

    /** The services (metrics) of the period's records, costliest first. */
    private static List<Models.ServiceLine> services(List<UsageRecord> records) {
        Map<String, Totals> byMetric = new LinkedHashMap<>();
        records.forEach(r -> byMetric.computeIfAbsent(r.metric(), m -> new Totals(r)).add(r));
        return byMetric.values().stream()
                .sorted(Comparator.comparing((Totals t) -> t.cost.amount()).reversed())
                .map(t -> new Models.ServiceLine(t.first.metric(), t.first.serviceName(), t.first.serviceFamilyName(),
                        Fmt.quantity(t.consumed), t.consumed.toPlainString(), t.first.consumedUnit(),
                        Fmt.money(t.cost), t.cost.toMinorUnit().amount().toPlainString()))
                .toList();
    }

    /** Cost so far, the forecast at its daily average, the upcoming invoice and the credit left. */
    private List<Models.Figure> figures(InView v, Money total) {
        long periodDays = ChronoUnit.DAYS.between(v.current().start(), v.current().end());
        long elapsed = Math.min(periodDays, ChronoUnit.DAYS.between(v.current().start(), v.today()) + 1);
        Money forecast = new Money(total.amount().multiply(BigDecimal.valueOf(periodDays))
                .divide(BigDecimal.valueOf(elapsed), Money.recordScale(v.currency()), RoundingMode.HALF_EVEN),
                v.currency());
        UpcomingInvoice upcoming = invoices.upcoming(v.account());
        CreditSummary credit = credits.summary(v.account());
        Money creditLeft = credit.hasRecord() ? Money.ofMinor(credit.confirmedBalanceCents(), v.currency())
                : Money.zero(v.currency());
        return List.of(
                new Models.Figure("cost-so-far", "Usage cost so far", Fmt.money(total),
                        "since " + Fmt.day(v.current().start())),
                new Models.Figure("forecast", "Forecast for the period", Fmt.money(forecast),
                        "at the daily average of " + elapsed + " of " + periodDays + " days"),
                new Models.Figure("upcoming", "Upcoming invoice", Fmt.money(upcoming.total()),
                        "if the period closed now: fees and credit included"),
                new Models.Figure("credit", "Credit left", Fmt.money(creditLeft), credit.validTo() != null
                        ? "valid until " + Fmt.time(credit.validTo()) : "no credit granted"));
    }

    /** Daily cost by service family, stacked; the cumulative cost of this period and of the previous one. */
    private static Map<String, Object> costChart(InView v, List<UsageRecord> records,
                                                 List<UsageRecord> previousRecords) {
        Currency currency = v.currency();
        BillingPeriod current = v.current();
        LocalDate today = v.today();
        int days = (int) ChronoUnit.DAYS.between(current.start(), current.end());
        int shown = (int) Math.min(days, ChronoUnit.DAYS.between(current.start(), today) + 1);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            labels.add(Fmt.shortDay(current.start().plusDays(i)));
        }
        Map<String, BigDecimal[]> families = new TreeMap<>();
        for (UsageRecord r : records) {
            int day = (int) ChronoUnit.DAYS.between(current.start(), r.chargePeriodStart());
            BigDecimal[] values = families.computeIfAbsent(r.serviceFamilyName(), f -> zeros(days));
            values[day] = values[day].add(r.contractedCost().amount());
        }
        List<Map<String, Object>> series = new ArrayList<>();
        families.forEach((family, values) -> series.add(Map.of("name", family,
                "values", strings(values, shown), "shown", shown(values, shown, currency))));
        BigDecimal[] daily = zeros(days);
        families.values().forEach(values -> {
            for (int i = 0; i < days; i++) {
                daily[i] = daily[i].add(values[i]);
            }
        });
        BigDecimal[] before = zeros(days);
        for (UsageRecord r : previousRecords) {
            int day = (int) ChronoUnit.DAYS.between(r.billingPeriodStart(), r.chargePeriodStart());
            if (day < days) {
                before[day] = before[day].add(r.contractedCost().amount());
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "cost");
        chart.put("currency", currency.getCurrencyCode());
        chart.put("labels", labels);
        chart.put("series", series);
        chart.put("cumulative", strings(cumulative(daily), shown));
        chart.put("cumulativeShown", shown(cumulative(daily), shown, currency));
        chart.put("previous", strings(cumulative(before), days));
        chart.put("previousShown", shown(cumulative(before), days, currency));
        return chart;
    }

    void usage(Context ctx) {
        InView v = inView(ctx);
        Account account = v.account();
        Currency currency = v.currency();
        BillingPeriods periods = v.periods();
        BillingPeriod current = v.current();

        String error = null;
        UsageWindow window = new UsageWindow(current.start(), current.end().minusDays(1));
        String period = ctx.queryParam("period");
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        try {
            if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
                window = range(from, to);
            } else if (period != null && !period.isBlank()) {
                BillingPeriod chosen = periods.containing(LocalDate.parse(period));
                window = new UsageWindow(chosen.start(), chosen.end().minusDays(1));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            error = e instanceof DateTimeParseException ? "Dates are written YYYY-MM-DD." : e.getMessage();
        }
        List<UsageRecord> records = rating.records(account, window);
        Map<String, Totals> byMetric = new LinkedHashMap<>();
        records.forEach(r -> byMetric.computeIfAbsent(r.metric(), m -> new Totals(r)).add(r));
        String chosen = Optional.ofNullable(ctx.queryParam("metric")).filter(m -> catalog.findMetric(m).isPresent())
                .orElseGet(() -> byMetric.values().stream().max(Comparator.comparing((Totals t) -> t.cost.amount())
                        .thenComparing(t -> t.consumed)).map(t -> t.first.metric())
                        .orElseGet(() -> catalog.catalog().listMetrics().iterator().next().id()));
        Metric metric = catalog.findMetric(chosen).orElseThrow();

        List<Models.Option> metrics = catalog.catalog().listMetrics().stream()
                .sorted(Comparator.comparing(Metric::family).thenComparing(Metric::name))
                .map(m -> new Models.Option(m.id(), m.family() + " — " + m.name(), m.id().equals(chosen))).toList();
        List<Models.Option> periodOptions = new ArrayList<>();
        BillingPeriod p = current;
        LocalDate first = LocalDate.ofInstant(account.createdOn(), ZoneOffset.UTC);
        for (int i = 0; i < PERIODS_OFFERED && !p.end().isBefore(first); i++) {
            boolean selected = window.from().equals(p.start()) && window.to().equals(p.end().minusDays(1));
            periodOptions.add(new Models.Option(p.start().toString(),
                    Fmt.period(p.start(), p.end()) + (i == 0 ? " (current)" : ""), selected));
            p = periods.containing(p.start().minusDays(1));
        }

        Map<LocalDate, UsageRecord> days = new TreeMap<>();
        records.stream().filter(r -> r.metric().equals(chosen)).forEach(r -> days.put(r.chargePeriodStart(), r));
        List<Models.UsageDay> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> quantity = new ArrayList<>();
        List<String> cost = new ArrayList<>();
        List<String> quantityShown = new ArrayList<>();
        List<String> costShown = new ArrayList<>();
        BigDecimal totalQuantity = BigDecimal.ZERO;
        Money totalCost = Money.zero(currency);
        for (LocalDate d = window.from(); !d.isAfter(window.to()); d = d.plusDays(1)) {
            UsageRecord r = days.get(d);
            BigDecimal q = r == null ? BigDecimal.ZERO : r.consumedQuantity();
            Money c = r == null ? Money.zero(currency) : r.contractedCost();
            labels.add(Fmt.shortDay(d));
            quantity.add(q.toPlainString());
            cost.add(c.amount().toPlainString());
            quantityShown.add(Fmt.quantity(q));
            costShown.add(Fmt.money(c));
            totalQuantity = totalQuantity.add(q);
            totalCost = totalCost.plus(c);
            if (r != null) {
                rows.add(new Models.UsageDay(Fmt.day(d), Fmt.quantity(q), Fmt.money(c)));
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "quantity");
        chart.put("currency", currency.getCurrencyCode());
        chart.put("unit", metric.consumedUnit());
        chart.put("labels", labels);
        chart.put("quantity", quantity);
        chart.put("cost", cost);
        chart.put("quantityShown", quantityShown);
        chart.put("costShown", costShown);
        views.page(ctx, error == null ? 200 : 400, "usage.jte", new Models.Usage(
                gate.chrome(v.who(), account, "Usage explorer", "usage", true), metrics, periodOptions,
                window.from().toString(), window.to().toString(), rows.isEmpty() ? null : json(chart), rows,
                Fmt.quantity(totalQuantity), Fmt.money(totalCost), metric.consumedUnit(),
                metric.family() + " — " + metric.name(), error));
    }

    /** A range of days from the explorer's form: both ends, in order, at most {@value #MAX_RANGE_DAYS} days. */
    private static UsageWindow range(String from, String to) {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw new IllegalArgumentException("Give both the first and the last day of the range.");
        }
        LocalDate start = LocalDate.parse(from.strip());
        LocalDate end = LocalDate.parse(to.strip());
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("The last day comes before the first.");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_RANGE_DAYS) {
            throw new IllegalArgumentException("A range is at most " + MAX_RANGE_DAYS + " days.");
        }
        return new UsageWindow(start, end);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data is plain maps and strings", e);
        }
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] values = new BigDecimal[n];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }

    private static BigDecimal[] cumulative(BigDecimal[] daily) {
        BigDecimal[] out = new BigDecimal[daily.length];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < daily.length; i++) {
            sum = sum.add(daily[i]);
            out[i] = sum;
        }
        return out;
    }

    /** The values as the page writes money: what the chart's tooltips show (the browser rounds nothing). */
    private static List<String> shown(BigDecimal[] values, int count, Currency currency) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Fmt.money(new Money(values[i], currency)));
        }
        return out;
    }

    private static List<String> strings(BigDecimal[] values, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(values[i].toPlainString());
        }
        return out;
    }
}
