package dev.paygo.catalog;

import java.time.LocalDate;
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

    /** The first day a metric can be metered, or empty when the catalog does not have it. */
    public Optional<LocalDate> meteredFrom(String metric) {
        return catalog.findMetric(metric).map(Metric::availableFrom);
    }
}
