package dev.paygo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, empty database of the backend under test, chosen by the system property
 * {@code paygo.test.backend} ({@code sqlite}, the default, or {@code postgres}): a SQLite file in a new
 * temporary folder, or a new schema in PostgreSQL at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}, trust auth). Closing it deletes the file or drops the schema.
 */
public final class TestBackend implements AutoCloseable {
    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String jdbcUrl;
    private final Runnable cleanup;

    private TestBackend(String jdbcUrl, Runnable cleanup) {
        this.jdbcUrl = jdbcUrl;
        this.cleanup = cleanup;
    }

    public static String name() {
        return System.getProperty("paygo.test.backend", "sqlite").toLowerCase(Locale.ROOT);
    }

    public static TestBackend create() {
        return name().equals("postgres") ? postgres() : sqlite();
    }

    private static TestBackend sqlite() {
        try {
            Path folder = Files.createTempDirectory("paygo-test-");
            return new TestBackend("jdbc:sqlite:" + folder.resolve("paygo.db"), () -> deleteTree(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestBackend postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return new TestBackend(POSTGRES_URL + "&currentSchema=" + schema,
                () -> execute("DROP SCHEMA " + schema + " CASCADE"));
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 (database test, user postgres) is "
                    + "needed for -Dpaygo.test.backend=postgres; .ci/run starts it: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        cleanup.run();
    }
}
