package dev.paygo.catalog;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A rate plan: the metrics of one product family (Workers, R2, D1, …) metered on a day, each with the price
 * version in force that day. Its public key is the family's name in lower case, words joined by {@code _}
 * ({@code Workers KV} → {@code workers_kv}); its id is the key in upper case, as Cloudflare writes ids.
 */
public record RatePlan(String publicKey, String publicName, List<Component> components) {
    public RatePlan {
        components = List.copyOf(components);
    }

    /** One priced metric of the plan, with the version in force. */
    public record Component(Metric metric, PriceVersion version) {
    }

    public String id() {
        return publicKey.toUpperCase(Locale.ROOT);
    }

    /** The plans of the catalog on {@code day}, by public key; families with no metric metered that day have none. */
    public static Map<String, RatePlan> of(Catalog catalog, LocalDate day) {
        Map<String, String> names = new TreeMap<>();
        Map<String, List<Component>> components = new TreeMap<>();
        catalog.listMetrics().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(metric ->
                metric.versionAt(day).ifPresent(version -> {
                    String key = key(metric.family());
                    names.put(key, metric.family());
                    components.computeIfAbsent(key, k -> new ArrayList<>()).add(new Component(metric, version));
                }));
        Map<String, RatePlan> plans = new TreeMap<>();
        components.forEach((key, list) -> plans.put(key, new RatePlan(key, names.get(key), list)));
        return plans;
    }

    /** The plan of a public key, in any letter case. */
    public static Optional<RatePlan> find(Catalog catalog, LocalDate day, String publicKey) {
        return Optional.ofNullable(of(catalog, day).get(publicKey.toLowerCase(Locale.ROOT)));
    }

    /** The key of a product family: its name in lower case, words joined by {@code _}. */
    public static String key(String family) {
        String ascii = Normalizer.normalize(family, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
