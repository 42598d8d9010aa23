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
import java.util.ArrayList;
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
    private static final Set<String> TOP = Set.of("currency", "provider", "subscriptions", "metrics");
    private static final Set<String> METRIC = Set.of("id", "family", "name", "consumed_unit", "pricing_unit",
            "pricing_unit_size", "pricing_rounding", "versions");
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
        String currency = root.required("currency").flatMap(YamlNode::text).orElse("USD");
        String provider = root.field("provider").flatMap(YamlNode::text).orElse("paygo");
        List<SubscriptionFee> subscriptions = new ArrayList<>();
        root.field("subscriptions").ifPresent(list -> list.items().forEach(item -> subscription(item)
                .ifPresent(subscriptions::add)));
        Map<String, Metric> metrics = new LinkedHashMap<>();
        root.required("metrics").ifPresent(list -> list.items().forEach(item -> metric(item).ifPresent(m -> {
            if (metrics.putIfAbsent(m.id(), m) != null) {
                item.problem("repeats the metric id '" + m.id() + "'");
            }
        })));
        if (metrics.isEmpty() && problems.isEmpty()) {
            root.problem("has no metrics");
        }
        return new Catalog(currency, provider, metrics, subscriptions);
    }

    private static Optional<SubscriptionFee> subscription(YamlNode item) {
        if (!item.isMapping()) {
            return Optional.empty();
        }
        item.allowOnly(SUBSCRIPTION);
        var id = item.required("id").flatMap(YamlNode::text);
        var name = item.required("name").flatMap(YamlNode::text);
        var price = item.required("price").flatMap(YamlNode::decimal);
        var period = item.required("period").flatMap(YamlNode::text);
        var from = item.required("effective_from").flatMap(YamlNode::date);
        if (id.isEmpty() || name.isEmpty() || price.isEmpty() || period.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SubscriptionFee(id.get(), name.get(), price.get(), period.get(), from.get()));
    }

    private static Optional<Metric> metric(YamlNode item) {
        if (!item.isMapping()) {
            return Optional.empty();
        }
        item.allowOnly(METRIC);
        Optional<String> id = item.required("id").flatMap(YamlNode::text);
        id.filter(i -> !METRIC_ID.matcher(i).matches()).ifPresent(i -> item.field("id").orElseThrow()
                .problem("must be lowercase words joined by dots, such as workers.requests"));
        var family = item.required("family").flatMap(YamlNode::text);
        var name = item.required("name").flatMap(YamlNode::text);
        var consumed = item.required("consumed_unit").flatMap(YamlNode::text);
        var pricing = item.required("pricing_unit").flatMap(YamlNode::text);
        var size = item.required("pricing_unit_size").flatMap(n -> powerOfTen(n));
        var rounding = item.required("pricing_rounding").flatMap(n -> n.choice(Rounding.class));
        rounding.filter(r -> r == Rounding.EXACT).ifPresent(r -> item.field("pricing_rounding").orElseThrow()
                .problem("must be up, down or nearest: a PricingQuantity is a whole number"));
        List<PriceVersion> versions = new ArrayList<>();
        item.required("versions").ifPresent(list -> {
            List<YamlNode> items = list.items();
            if (items.isEmpty()) {
                list.problem("needs at least one version");
            }
            for (YamlNode version : items) {
                version(version).ifPresent(v -> {
                    if (!versions.isEmpty() && !v.effectiveFrom().isAfter(versions.get(versions.size() - 1)
                            .effectiveFrom())) {
                        version.problem("must be effective after the version before it");
                    }
                    versions.add(v);
                });
            }
        });
        if (id.isEmpty() || family.isEmpty() || name.isEmpty() || consumed.isEmpty() || pricing.isEmpty()
                || size.isEmpty() || rounding.isEmpty() || versions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Metric(id.get(), family.get(), name.get(), consumed.get(), pricing.get(), size.get(),
                rounding.get(), versions));
    }

    private static Optional<PriceVersion> version(YamlNode item) {
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
                tier(items.get(i), i == items.size() - 1, tiers).ifPresent(tiers::add);
            }
        });
        if (from.isEmpty() || included.isEmpty() || scope.isEmpty() || block.isEmpty() || blockRounding.isEmpty()
                || tiers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PriceVersion(from.get(), included.get(), scope.get(), block.get(), blockRounding.get(),
                tiers));
    }

    private static Optional<Tier> tier(YamlNode item, boolean last, List<Tier> before) {
        if (!item.isMapping()) {
            return Optional.empty();
        }
        item.allowOnly(TIER);
        Optional<BigDecimal> price = item.required("price").flatMap(YamlNode::decimal);
        price.filter(p -> p.signum() < 0).ifPresent(p -> item.field("price").orElseThrow()
                .problem("must not be negative"));
        Optional<YamlNode> upToNode = item.field("up_to").filter(n -> !n.isNull());
        Optional<BigDecimal> upTo = upToNode.flatMap(YamlNode::decimal);
        if (upToNode.isEmpty() && !last) {
            item.problem("needs up_to: only the last tier is open-ended");
        }
        BigDecimal floor = before.isEmpty() ? BigDecimal.ZERO : before.get(before.size() - 1).upTo().orElse(null);
        if (upTo.isPresent() && floor != null && upTo.get().compareTo(floor) <= 0) {
            upToNode.get().problem("must be above the tier before it");
        }
        return price.filter(p -> p.signum() >= 0).map(p -> new Tier(upTo, p));
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
