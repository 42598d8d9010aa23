package dev.paygo.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suite's mode and its record. Short mode is what the README's test command runs; long mode
 * ({@code reliability/run-long.sh}) multiplies the counts. Every test appends one line of figures to
 * {@code target/reliability/figures.txt}, which docs/reliability.md quotes.
 */
final class Suite {
    private static final Logger LOG = LoggerFactory.getLogger(Suite.class);

    private Suite() {
    }

    static boolean isLong() {
        return System.getProperty("paygo.reliability.mode", "short").equalsIgnoreCase("long");
    }

    /** {@code shortValue} in short mode, {@code longValue} in long mode. */
    static int pick(int shortValue, int longValue) {
        return isLong() ? longValue : shortValue;
    }

    static String backend() {
        return System.getProperty("paygo.test.backend", "sqlite").toLowerCase(Locale.ROOT);
    }

    /** The seed of a test's random choices: fixed, so a run can be repeated; override with -Dpaygo.reliability.seed. */
    static long seed(long fixed) {
        return Long.getLong("paygo.reliability.seed", fixed);
    }

    /** Appends a line of figures for the report, and prints it. */
    static void record(String test, String figures) {
        String line = Instant.now() + " " + test + " " + backend() + " " + (isLong() ? "long" : "short") + ": " + figures;
        LOG.info("RELIABILITY {}", line);
        Path folder = Path.of(System.getProperty("paygo.reliability.report", "target/reliability"));
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("figures.txt"), line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
