package dev.paygo.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.paygo.catalog.CatalogFile.MetricEntry;
import dev.paygo.catalog.CatalogFile.Subscription;
import dev.paygo.catalog.CatalogFile.TierEntry;
import dev.paygo.catalog.CatalogFile.VersionEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and validates a catalog file (YAML, or JSON, which is YAML too): Jackson binds it into {@link CatalogFile}'s
 * records, collecting what it cannot bind ({@link CatalogProblems}), then the checks here make sure it prices
 * exactly. Every problem is reported with its line; a catalog with any problem is refused as a whole. See
 * docs/rating.md for the format.
 */
public final class CatalogLoader {
    public static final String DEFAULT_RESOURCE = "/catalog/default.yaml";
    private static final Pattern METRIC_ID = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Currency FALLBACK = Currency.getInstance("USD");
    private static final YAMLMapper MAPPER = mapper();

    private final List<String> problems;

    private CatalogLoader(List<String> problems) {
        this.problems = problems;
    }

    private static YAMLMapper mapper() {
        return YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                // A bare number is not a date (Jackson would read 2025 as the 2025th day after 1970-01-01).
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
                .build();
    }

    /** The catalog that ships with paygo: Cloudflare's public PayGo prices. */
    public static Catalog loadDefault() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "default catalog");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalog load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new InvalidCatalogException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** Parses a catalog; {@link InvalidCatalogException} lists every problem with its line. */
    public static Catalog parse(Reader reader, String name) {
        Located<CatalogFile> file;
        CatalogProblems problems;
        try {
            String text = read(reader);
            problems = new CatalogProblems();
            problems.keyLines(keyLines(text, problems));
            try (JsonParser parser = MAPPER.createParser(text)) {
                if (parser.nextToken() == null) {
                    throw new InvalidCatalogException(name + ": is empty");
                }
                Located<Void> root = Located.where(parser);
                ObjectReader binder = MAPPER.readerFor(CatalogFile.class).withHandler(problems);
                file = new Located<>(binder.readValue(parser), root.line(), "");
            }
        } catch (JacksonException e) {
            throw new InvalidCatalogException(name + ": " + unreadable(e));
        } catch (IOException e) {
            throw new InvalidCatalogException(name + ": cannot be read: " + e.getMessage());
        }
        Catalog catalog = file.value() == null ? null : new CatalogLoader(problems.list()).catalog(file);
        if (!problems.list().isEmpty()) {
            throw new InvalidCatalogException(name + ": " + problems.list().size() + " problem(s):\n  "
                    + String.join("\n  ", problems.byLine()));
        }
        return catalog;
    }

    private static String read(Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
    }

    /**
     * The line of every key of the document by its path ({@code metrics[0].versions[1].tiers}); an alias
     * ({@code *name}) is a problem: Jackson would read it as the text of its name, not as the value it stands for.
     */
    private static Map<String, Integer> keyLines(String text, CatalogProblems problems) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (YAMLParser parser = (YAMLParser) MAPPER.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    Located<Void> key = Located.where(parser);
                    lines.putIfAbsent(key.path(), key.line());
                } else if (parser.isCurrentAlias()) {
                    problems.add(Located.where(parser).problem("is a YAML alias (*" + parser.getText()
                            + "): write the value out, aliases are not supported"));
                }
            }
        }
        return lines;
    }

    /**
     * Why a file is not a catalog at all — not YAML, or a key given twice — at the line of the problem: the parser
     * cannot go on, so this is the one problem told.
     */
    private static String unreadable(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return "line " + (yaml.getProblemMark().getLine() + 1) + ": " + yaml.getProblem();
        }
        JsonLocation at = e.getLocation();
        return (at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ": ")
                + e.getOriginalMessage().lines().findFirst().orElse("not valid YAML");
    }

    private Catalog catalog(Located<CatalogFile> root) {
        CatalogFile file = root.value();
        List<Currency> currencies = currencies(root);
        String provider = optional(file.provider()).flatMap(this::text).orElse("paygo");
        List<SubscriptionFee> subscriptions = new ArrayList<>();
        optional(file.subscriptions()).ifPresent(list -> items(list).forEach(item -> subscription(item, currencies)
                .ifPresent(subscriptions::add)));
        Map<String, Metric> metrics = new LinkedHashMap<>();
        required(file.metrics(), root, "metrics").ifPresent(list -> items(list).forEach(item ->
                metric(item, currencies).ifPresent(m -> {
                    if (metrics.putIfAbsent(m.id(), m) != null) {
                        problem(item, "repeats the metric id '" + m.id() + "'");
                    }
                })));
        if (metrics.isEmpty() && problems.isEmpty()) {
            problem(root, "has no metrics");
        }
        return new Catalog(currencies, provider, metrics, subscriptions);
    }

    /**
     * The currencies the catalog prices in: {@code currencies: [USD, EUR]}, or {@code currency: USD} for one.
     * Each must be an ISO 4217 code of a currency with a minor unit (not XAU or XXX).
     */
    private List<Currency> currencies(Located<CatalogFile> root) {
        Located<String> one = root.value().currency();
        Located<List<Located<String>>> many = root.value().currencies();
        if (one != null && many != null) {
            problem(root, "gives both currency and currencies: list every currency under currencies");
            return List.of(FALLBACK);
        }
        if (one == null && many == null) {
            problem(root, "needs the field 'currencies' (or 'currency'): the ISO 4217 codes it prices in");
            return List.of(FALLBACK);
        }
        List<Located<String>> codes = one != null ? optional(one).stream().toList() : items(many);
        if (one == null && many.value() != null && codes.isEmpty()) {
            problem(many, "needs at least one currency");
        }
        List<Currency> currencies = new ArrayList<>();
        for (Located<String> code : codes) {
            text(code).flatMap(text -> currency(code, text)).ifPresent(c -> {
                if (currencies.contains(c)) {
                    problem(code, "repeats the currency " + c);
                } else {
                    currencies.add(c);
                }
            });
        }
        return currencies.isEmpty() ? List.of(FALLBACK) : currencies;
    }

    private Optional<Currency> currency(Located<String> node, String code) {
        if (CURRENCY.matcher(code).matches()) {
            try {
                Currency currency = Currency.getInstance(code);
                if (currency.getDefaultFractionDigits() >= 0) {
                    return Optional.of(currency);
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problem(node, "must be an ISO 4217 currency code with a minor unit, such as USD, EUR or JPY, not '" + code + "'");
        return Optional.empty();
    }

    /**
     * A price in each of the catalog's currencies: a decimal where the catalog has one currency, else a mapping
     * of every one of them ({@code {USD: "0.30", EUR: "0.28"}}). Prices are 0 or more.
     */
    private Optional<Map<Currency, BigDecimal>> prices(Located<Object> node, List<Currency> currencies) {
        Map<Currency, BigDecimal> prices = new LinkedHashMap<>();
        if (!(node.value() instanceof Map<?, ?> given)) {
            if (currencies.size() > 1) {
                problem(node, "must give a price for each of " + currencies + ", as {" + currencies.get(0)
                        + ": \"1.00\", ...}");
                return Optional.empty();
            }
            decimal(node, node.value()).ifPresent(p -> prices.put(currencies.get(0), p));
        } else {
            for (Currency currency : currencies) {
                Object price = given.get(currency.getCurrencyCode());
                if (price == null) {
                    problem(node, "needs a " + currency + " price");
                } else {
                    decimal(at(node, currency.getCurrencyCode()), price).ifPresent(p -> prices.put(currency, p));
                }
            }
            given.keySet().stream().filter(code -> currencies.stream().noneMatch(c -> c.getCurrencyCode().equals(code)))
                    .forEach(code -> problem(at(node, String.valueOf(code)), "is not one of the catalog's currencies "
                            + currencies));
        }
        boolean negative = prices.values().stream().anyMatch(p -> p.signum() < 0);
        if (negative) {
            problem(node, "must not be negative");
        }
        return prices.size() == currencies.size() && !negative ? Optional.of(prices) : Optional.empty();
    }

    /** A price as read (a number, or text such as "0.30") as an exact decimal. */
    private Optional<BigDecimal> decimal(Located<?> where, Object value) {
        String text = value == null ? "" : value.toString().strip();
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problem(where, "must be a decimal number");
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            problem(where, "must be a decimal number, not '" + text + "'");
            return Optional.empty();
        }
    }

    private Optional<SubscriptionFee> subscription(Located<Subscription> item, List<Currency> currencies) {
        Subscription fee = item.value();
        var id = required(fee.id(), item, "id").flatMap(this::text);
        var name = required(fee.name(), item, "name").flatMap(this::text);
        var price = required(fee.price(), item, "price").flatMap(n -> prices(n, currencies));
        var period = required(fee.period(), item, "period").flatMap(this::text);
        var from = required(fee.effectiveFrom(), item, "effective_from").map(Located::value);
        if (id.isEmpty() || name.isEmpty() || price.isEmpty() || period.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SubscriptionFee(id.get(), name.get(), price.get(), period.get(), from.get()));
    }

    private Optional<Metric> metric(Located<MetricEntry> item, List<Currency> currencies) {
        MetricEntry entry = item.value();
        Optional<String> id = required(entry.id(), item, "id").flatMap(this::text);
        id.filter(i -> !METRIC_ID.matcher(i).matches()).ifPresent(i -> problem(entry.id(),
                "must be lowercase words joined by dots, such as workers.requests"));
        var family = required(entry.family(), item, "family").flatMap(this::text);
        var name = required(entry.name(), item, "name").flatMap(this::text);
        Optional<String> category = optional(entry.category()).flatMap(this::text);
        var consumed = required(entry.consumedUnit(), item, "consumed_unit").flatMap(this::text);
        var pricing = required(entry.pricingUnit(), item, "pricing_unit").flatMap(this::text);
        var size = required(entry.pricingUnitSize(), item, "pricing_unit_size").flatMap(this::powerOfTen);
        var rounding = required(entry.pricingRounding(), item, "pricing_rounding").map(Located::value);
        rounding.filter(r -> r == Rounding.EXACT).ifPresent(r -> problem(entry.pricingRounding(),
                "must be up, down or nearest: a PricingQuantity is a whole number"));
        Optional<LocalDate> retired = optional(entry.retiredFrom()).map(Located::value);
        List<PriceVersion> versions = new ArrayList<>();
        required(entry.versions(), item, "versions").ifPresent(list -> {
            List<Located<VersionEntry>> items = items(list);
            if (items.isEmpty() && list.value() != null) {
                problem(list, "needs at least one version");
            }
            for (Located<VersionEntry> version : items) {
                version(version, currencies).ifPresent(v -> {
                    if (!versions.isEmpty() && !v.effectiveFrom().isAfter(versions.get(versions.size() - 1)
                            .effectiveFrom())) {
                        problem(version, "must be effective after the version before it");
                    }
                    if (!versions.isEmpty() && v.includedScope() != versions.get(0).includedScope()) {
                        problem(version, "changes included_scope from " + versions.get(0).includedScope().wire()
                                + " to " + v.includedScope().wire() + ": an allowance cannot change what it is "
                                + "granted over (add a new metric instead)");
                    }
                    if (retired.isPresent() && !v.effectiveFrom().isBefore(retired.get())) {
                        problem(version, "must be effective before the metric's retired_from " + retired.get());
                    }
                    versions.add(v);
                });
            }
        });
        if (id.isEmpty() || family.isEmpty() || name.isEmpty() || consumed.isEmpty() || pricing.isEmpty()
                || size.isEmpty() || rounding.isEmpty() || versions.isEmpty()
                || (entry.retiredFrom() != null && retired.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Metric(id.get(), family.get(), name.get(), consumed.get(), pricing.get(), size.get(),
                rounding.get(), versions, retired, category));
    }

    private Optional<PriceVersion> version(Located<VersionEntry> item, List<Currency> currencies) {
        VersionEntry entry = item.value();
        var from = required(entry.effectiveFrom(), item, "effective_from").map(Located::value);
        var included = entry.included() == null ? Optional.of(BigDecimal.ZERO) : value(entry.included()).filter(d -> {
            boolean whole = d.signum() >= 0 && d.stripTrailingZeros().scale() <= 0;
            if (!whole) {
                problem(entry.included(), "must be a whole number of pricing units, 0 or more");
            }
            return whole;
        });
        var scope = entry.includedScope() == null ? Optional.of(AllowanceScope.BILLING_PERIOD)
                : value(entry.includedScope());
        var block = entry.blockSize() == null ? Optional.of(BigDecimal.ONE) : powerOfTen(entry.blockSize());
        var blockRounding = entry.blockRounding() == null ? Optional.of(Rounding.EXACT) : value(entry.blockRounding());
        List<Tier> tiers = new ArrayList<>();
        required(entry.tiers(), item, "tiers").ifPresent(list -> {
            List<Located<TierEntry>> items = items(list);
            if (items.isEmpty() && list.value() != null) {
                problem(list, "needs at least one tier");
            }
            for (int i = 0; i < items.size(); i++) {
                tier(items.get(i), i == items.size() - 1, tiers, currencies).ifPresent(tiers::add);
            }
        });
        if (from.isEmpty() || included.isEmpty() || scope.isEmpty() || block.isEmpty() || blockRounding.isEmpty()
                || tiers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PriceVersion(from.get(), included.get(), scope.get(), block.get(), blockRounding.get(),
                tiers));
    }

    private Optional<Tier> tier(Located<TierEntry> item, boolean last, List<Tier> before, List<Currency> currencies) {
        TierEntry entry = item.value();
        Optional<Map<Currency, BigDecimal>> prices = required(entry.price(), item, "price")
                .flatMap(n -> prices(n, currencies));
        Located<BigDecimal> upToNode = entry.upTo();
        Optional<BigDecimal> upTo = optional(upToNode).map(Located::value);
        if (upToNode == null && !last) {
            problem(item, "needs up_to: only the last tier is open-ended");
        }
        if (upToNode != null && last) {
            problem(upToNode, "must be left out on the last tier: usage beyond it would be free");
        }
        BigDecimal floor = before.isEmpty() ? BigDecimal.ZERO : before.get(before.size() - 1).upTo().orElse(null);
        if (upTo.isPresent() && floor != null && upTo.get().compareTo(floor) <= 0) {
            problem(upToNode, "must be above the tier before it");
        }
        return prices.map(p -> new Tier(upTo, p));
    }

    private Optional<BigDecimal> powerOfTen(Located<BigDecimal> node) {
        return value(node).filter(d -> {
            BigDecimal stripped = d.stripTrailingZeros();
            boolean power = d.signum() > 0 && stripped.unscaledValue().equals(BigInteger.ONE)
                    && stripped.scale() >= -12 && stripped.scale() <= 12;
            if (!power) {
                problem(node, "must be a power of ten (0.001, 1, 1000000, ...), so every cost stays exact");
            }
            return power;
        });
    }

    /** A field that must be given: reported at its owner when left out (or given as null). */
    private <T> Optional<Located<T>> required(Located<T> field, Located<?> owner, String name) {
        if (field == null) {
            problem(owner, "needs the field '" + name + "'");
        }
        return optional(field);
    }

    /** A field's value when it was given and could be read (a value that could not was reported as read). */
    private static <T> Optional<Located<T>> optional(Located<T> field) {
        return Optional.ofNullable(field).filter(f -> f.value() != null);
    }

    private static <T> Optional<T> value(Located<T> field) {
        return Optional.ofNullable(field.value());
    }

    /** The items of a list that could be read as what the list holds; an empty item ({@code - ~}) is a problem. */
    private <T> List<Located<T>> items(Located<List<Located<T>>> list) {
        if (list.value() == null) {
            return List.of();
        }
        if (list.value().contains(null)) {
            problem(list, "has an empty item");
        }
        return list.value().stream().filter(item -> item != null && item.value() != null).toList();
    }

    private Optional<String> text(Located<String> field) {
        String text = field.value().strip();
        if (text.isEmpty()) {
            problem(field, "must be a non-empty value");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** Where a key of a mapping value is, for a problem with it (its mapping's line). */
    private static Located<Void> at(Located<?> mapping, String key) {
        return new Located<>(null, mapping.line(), mapping.path() + "." + key);
    }

    private void problem(Located<?> where, String message) {
        problems.add(where.problem(message));
    }
}
