package dev.paygo.bench;

import dev.paygo.catalog.Catalog;
import dev.paygo.catalog.CatalogLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Reading and checking the catalog that ships with paygo (Cloudflare's PayGo prices), as the server does at start. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CatalogBench {

    @Benchmark
    public Catalog loadDefaultCatalog() {
        return CatalogLoader.loadDefault();
    }
}
