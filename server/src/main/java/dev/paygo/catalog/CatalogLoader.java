package dev.paygo.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a catalog file (YAML, or JSON, which is YAML too). Every problem is reported with its
 * line; a catalog with any problem is refused as a whole. See docs/rating.md for the format.
 */
public final class CatalogLoader {
    public static final String DEFAULT_RESOURCE = "/catalog/default.yaml";
    private static final Pattern METRIC_ID = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    private static final Set<String> TOP = Set.of("currency", "currencies", "provider", "subscriptions", "metrics");
    private static final Set<String> METRIC = Set.of("id", "family", "name", "consumed_unit", "pricing_unit",
            "pricing_unit_size", "pricing_rounding", "versions", "retired_from", "category");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> VERSION = Set.of("effective_from", "included", "included_scope", "block_size",
            "block_rounding", "tiers");
    private static final Set<String> TIER = Set.of("up_to", "price");
    private static final Set<String> SUBSCRIPTION = Set.of("id", "name", "price", "period", "effective_from");

    private CatalogLoader() {
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
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new InvalidCatalogException(name + ": line " + (e.getProblemMark().getLine() + 1) + ": "
                    + e.getProblem());
        } catch (RuntimeException e) {
            throw new InvalidCatalogException(name + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new InvalidCatalogException(name + ": is empty");
        }
        List<String> problems = new ArrayList<>();
        Catalog catalog = read(new YamlNode(root, "", problems), problems);
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(name + ": " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
        return catalog;
    }

    private static Catalog read(YamlNode root, List<String> problems) {
        if (!root.isMapping()) {
            return null;
        }
        root.allowOnly(TOP);
        List<Currency> currencies = currencies(root);
        String provider = root.field("provider").flatMap(YamlNode::text).orElse("paygo");
        List<SubscriptionFee> subscriptions = new ArrayList<>();
        root.field("subscriptions").ifPresent(list -> list.items().forEach(item -> subscription(item, currencies)
                .ifPresent(subscriptions::add)));
        Map<String, Metric> metrics = new LinkedHashMap<>();
        root.required("metrics").ifPresent(list -> list.items().forEach(item -> metric(item, currencies).ifPresent(m -> {
            if (metrics.putIfAbsent(m.id(), m) != null) {
                item.problem("repeats the metric id '" + m.id() + "'");
            }
        })));
        if (metrics.isEmpty() && problems.isEmpty()) {
            root.problem("has no metrics");
        }
        return new Catalog(currencies, provider, metrics, subscriptions);
    }

    /**
     * The currencies the catalog prices in: {@code currencies: [USD, EUR]}, or {@code currency: USD} for one.
     * Each must be an ISO 4217 code of a currency with a minor unit (not XAU or XXX).
     */
    private static List<Currency> currencies(YamlNode root) {
        Optional<YamlNode> one = root.field("currency");
        Optional<YamlNode> many = root.field("currencies");
        if (one.isPresent() && many.isPresent()) {
            root.problem("gives both currency and currencies: list every currency under currencies");
            return List.of(Currency.getInstance("USD"));
        }
        if (one.isEmpty() && many.isEmpty()) {
            root.problem("needs the field 'currencies' (or 'currency'): the ISO 4217 codes it prices in");
            return List.of(Currency.getInstance("USD"));
        }
        List<YamlNode> nodes = one.map(List::of).orElseGet(() -> many.get().items());
        if (nodes.isEmpty()) {
            many.get().problem("needs at least one currency");
        }
        List<Currency> currencies = new ArrayList<>();
        for (YamlNode node : nodes) {
            node.text().flatMap(code -> currency(node, code)).ifPresent(c -> {
                if (currencies.contains(c)) {
                    node.problem("repeats the currency " + c);
                } else {
                    currencies.add(c);
                }
            });
        }
        return currencies.isEmpty() ? List.of(Currency.getInstance("USD")) : currencies;
    }

    private static Optional<Currency> currency(YamlNode node, String code) {
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
        node.problem("must be an ISO 4217 currency code with a minor unit, such as USD, EUR or JPY, not '" + code + "'");
        return Optional.empty();
    }

    /**
     * A price in each of the catalog's currencies: a decimal where the catalog has one currency, else a mapping
     * of every one of them ({@code {USD: "0.30", EUR: "0.28"}}). Prices are 0 or more.
     */
    private static Optional<Map<Currency, BigDecimal>> prices(YamlNode node, List<Currency> currencies) {
        Map<Currency, BigDecimal> prices = new LinkedHashMap<>();
        if (!node.isMappingValue()) {
            if (currencies.size() > 1) {
                node.problem("must give a price for each of " + currencies + ", as {" + currencies.get(0) + ": \"1.00\", ...}");
                return Optional.empty();
            }
            node.decimal().ifPresent(p -> prices.put(currencies.get(0), p));
        } else {
            Map<String, YamlNode> given = node.fieldMap();
            for (Currency currency : currencies) {
                YamlNode price = given.get(currency.getCurrencyCode());
                if (price == null) {
                    node.problem("needs a " + currency + " price");
                } else {
                    price.decimal().ifPresent(p -> prices.put(currency, p));
                }
            }
            given.keySet().stream().filter(code -> currencies.stream().noneMatch(c -> c.getCurrencyCode().equals(code)))
                    .forEach(code -> given.get(code).problem("is not one of the catalog's currencies " + currencies));
        }
        boolean negative = prices.values().stream().anyMatch(p -> p.signum() < 0);
        if (negative) {
            node.problem("must not be negative");
        }
        return prices.size() == currencies.size() && !negative ? Optional.of(prices) : Optional.empty();
    }

    private static Optional<SubscriptionFee> subscription(YamlNode item, List<Currency> currencies) {
        if (!item.isMapping()) {
            return Optional.empty();
        }
        item.allowOnly(SUBSCRIPTION);
        var id = item.required("id").flatMap(YamlNode::text);
        var name = item.required("name").flatMap(YamlNode::text);
        var price = item.required("price").flatMap(n -> prices(n, currencies));
        var period = item.required("period").flatMap(YamlNode::text);
        var from = item.required("effective_from").flatMap(YamlNode::date);
        if (id.isEmpty() || name.isEmpty() || price.isEmpty() || period.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SubscriptionFee(id.get(), name.get(), price.get(), period.get(), from.get()));
    }

    private static Optional<Metric> metric(YamlNode item, List<Currency> currencies) {
        if (!item.isMapping()) {
            return Optional.empty();
        }
        item.allowOnly(METRIC);
        Optional<String> id = item.required("id").flatMap(YamlNode::text);
        id.filter(i -> !METRIC_ID.matcher(i).matches()).ifPresent(i -> item.field("id").orElseThrow()
                .problem("must be lowercase words joined by dots, such as workers.requests"));
        var family = item.required("family").flatMap(YamlNode::text);
        var name = item.required("name").flatMap(YamlNode::text);
        Optional<String> category = item.field("category").flatMap(YamlNode::text);
        var consumed = item.required("consumed_unit").flatMap(YamlNode::text);
        var pricing = item.required("pricing_unit").flatMap(YamlNode::text);
        var size = item.required("pricing_unit_size").flatMap(n -> powerOfTen(n));
        var rounding = item.required("pricing_rounding").flatMap(n -> n.choice(Rounding.class));
        rounding.filter(r -> r == Rounding.EXACT).ifPresent(r -> item.field("pricing_rounding").orElseThrow()
                .problem("must be up, down or nearest: a PricingQuantity is a whole number"));
        Optional<YamlNode> retiredNode = item.field("retired_from");
        Optional<LocalDate> retired = retiredNode.flatMap(YamlNode::date);
        List<PriceVersion> versions = new ArrayList<>();
        item.required("versions").ifPresent(list -> {
            List<YamlNode> items = list.items();
            if (items.isEmpty()) {
                list.problem("needs at least one version");
            }
            for (YamlNode version : items) {
                version(version, currencies).ifPresent(v -> {
                    if (!versions.isEmpty() && !v.effectiveFrom().isAfter(versions.get(versions.size() - 1)
                            .effectiveFrom())) {
                        version.problem("must be effective after the version before it");
                    }
                    if (!versions.isEmpty() && v.includedScope() != versions.get(0).includedScope()) {
                        version.problem("changes included_scope from " + versions.get(0).includedScope().wire()
                                + " to " + v.includedScope().wire() + ": an allowance cannot change what it is "
                                + "granted over (add a new metric instead)");
                    }
                    if (retired.isPresent() && !v.effectiveFrom().isBefore(retired.get())) {
                        version.problem("must be effective before the metric's retired_from " + retired.get());
                    }
                    versions.add(v);
                });
            }
        });
        if (id.isEmpty() || family.isEmpty() || name.isEmpty() || consumed.isEmpty() || pricing.isEmpty()
                || size.isEmpty() || rounding.isEmpty() || versions.isEmpty()
                || (retiredNode.isPresent() && retired.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Metric(id.get(), family.get(), name.get(), consumed.get(), pricing.get(), size.get(),
                rounding.get(), versions, retired, category));
    }

    private static Optional<PriceVersion> version(YamlNode item, List<Currency> currencies) {
        if (!item.isMapping()) {
            return Optional.empty();
        }
        item.allowOnly(VERSION);
        var from = item.required("effective_from").flatMap(YamlNode::date);
        var included = item.field("included").map(n -> n.decimal().filter(d -> {
            boolean whole = d.signum() >= 0 && d.stripTrailingZeros().scale() <= 0;
            if (!whole) {
                n.problem("must be a whole number of pricing units, 0 or more");
            }
            return whole;
        })).orElse(Optional.of(BigDecimal.ZERO));
        var scope = item.field("included_scope").map(n -> n.choice(AllowanceScope.class))
                .orElse(Optional.of(AllowanceScope.BILLING_PERIOD));
        var block = item.field("block_size").map(CatalogLoader::powerOfTen).orElse(Optional.of(BigDecimal.ONE));
        var blockRounding = item.field("block_rounding").map(n -> n.choice(Rounding.class))
                .orElse(Optional.of(Rounding.EXACT));
        List<Tier> tiers = new ArrayList<>();
        item.required("tiers").ifPresent(list -> {
            List<YamlNode> items = list.items();
            if (items.isEmpty()) {
                list.problem("needs at least one tier");
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

    private static Optional<Tier> tier(YamlNode item, boolean last, List<Tier> before, List<Currency> currencies) {
        if (!item.isMapping()) {
            return Optional.empty();
        }
        item.allowOnly(TIER);
        Optional<Map<Currency, BigDecimal>> prices = item.required("price").flatMap(n -> prices(n, currencies));
        Optional<YamlNode> upToNode = item.field("up_to").filter(n -> !n.isNull());
        Optional<BigDecimal> upTo = upToNode.flatMap(YamlNode::decimal);
        if (upToNode.isEmpty() && !last) {
            item.problem("needs up_to: only the last tier is open-ended");
        }
        if (upToNode.isPresent() && last) {
            upToNode.get().problem("must be left out on the last tier: usage beyond it would be free");
        }
        BigDecimal floor = before.isEmpty() ? BigDecimal.ZERO : before.get(before.size() - 1).upTo().orElse(null);
        if (upTo.isPresent() && floor != null && upTo.get().compareTo(floor) <= 0) {
            upToNode.get().problem("must be above the tier before it");
        }
        return prices.map(p -> new Tier(upTo, p));
    }

    private static Optional<BigDecimal> powerOfTen(YamlNode node) {
        return node.decimal().filter(d -> {
            BigDecimal stripped = d.stripTrailingZeros();
            boolean power = d.signum() > 0 && stripped.unscaledValue().equals(BigInteger.ONE)
                    && stripped.scale() >= -12 && stripped.scale() <= 12;
            if (!power) {
                node.problem("must be a power of ten (0.001, 1, 1000000, ...), so every cost stays exact");
            }
            return power;
        });
    }
}
