package dev.paygo.catalog;

import java.util.Currency;
import java.util.Optional;

/** The catalog in force, loaded once at start (a new catalog needs a restart). Thread-safe: immutable. */
public final class CatalogService {
    private final Catalog catalog;

    public CatalogService(Catalog catalog) {
        this.catalog = catalog;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The metric of {@code id}, when the catalog has it. */
    public Optional<Metric> findMetric(String id) {
        return catalog.findMetric(id);
    }

    /** True when the catalog prices in {@code currency} (an account's billing currency must be one of these). */
    public boolean pricesIn(Currency currency) {
        return catalog.pricesIn(currency);
    }
}
