package dev.paygo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import org.sqlite.SQLiteOpenMode;

/**
 * What paygo is measured against: the storage engine's raw insert rate for the same rows (no dedupe, no
 * rollups: the physical bound of ingestion), and the naive way to answer the usage query, SQL over raw events.
 */
final class Baselines {
    private Baselines() {
    }

    /**
     * Rows per second that plain batched INSERTs of event rows reach, 1,000 per transaction, durable, into a table
     * without any key: the physical bound. The median of {@code rounds} runs, each into a new table.
     */
    static double rawInsertRate(String jdbcUrl, int rows, int rounds) throws Exception {
        return median(jdbcUrl, rows, rounds, false);
    }

    /**
     * The same rows into a table keyed as paygo's {@code usage_events} ({@code (account_id, event_id)}, repeats
     * skipped): what idempotency costs the storage engine alone, without HTTP, JSON, checks or rollups.
     */
    static double keyedInsertRate(String jdbcUrl, int rows, int rounds) throws Exception {
        return median(jdbcUrl, rows, rounds, true);
    }

    private static double median(String jdbcUrl, int rows, int rounds, boolean keyed) throws Exception {
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            rates[i] = insertRate(jdbcUrl, rows, keyed);
        }
        java.util.Arrays.sort(rates);
        return rates[rounds / 2];
    }

    private static double insertRate(String jdbcUrl, int rows, boolean keyed) throws Exception {
        Properties sqlite = new Properties();
        sqlite.setProperty("journal_mode", "WAL");
        sqlite.setProperty("synchronous", "FULL");
        // As paygo opens its connections (see Database): no SQLite mutexes on a connection one thread uses.
        sqlite.setProperty("open_mode", String.valueOf(SQLiteOpenMode.READWRITE.flag | SQLiteOpenMode.CREATE.flag
                | SQLiteOpenMode.NOMUTEX.flag));
        boolean isSqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, sqlite)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS raw_events");
                ddl.execute("CREATE TABLE raw_events (account_id TEXT NOT NULL, event_id TEXT NOT NULL, metric TEXT, "
                        + "quantity_units BIGINT, quantity_atto BIGINT, occurred_at_ms BIGINT, zone_id TEXT, "
                        + "received_at_ms BIGINT" + (keyed ? ", PRIMARY KEY (account_id, event_id))" : ")")
                        + (keyed && isSqlite ? " WITHOUT ROWID" : ""));
            }
            connection.setAutoCommit(false);
            String[] accounts = new String[20];
            for (int a = 0; a < accounts.length; a++) {
                accounts[a] = String.format(java.util.Locale.ROOT, "%032x", a);
            }
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_events VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?)" + (keyed ? " ON CONFLICT (account_id, event_id) DO NOTHING" : ""))) {
                for (int i = 0; i < rows; i++) {
                    // 20 accounts and 8 senders' id sequences, as the ingestion load sends them.
                    insert.setString(1, accounts[i % accounts.length]);
                    insert.setString(2, "w" + i % 8 + "-" + i / 8);
                    insert.setString(3, "workers.requests");
                    insert.setLong(4, 1 + i % 1000);
                    insert.setLong(5, 0);
                    insert.setLong(6, 1_760_000_000_000L + i);
                    insert.setString(7, null);
                    insert.setLong(8, 1_760_000_000_000L);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE raw_events");
                connection.commit();
            }
            return rows / seconds;
        }
    }

    /**
     * Milliseconds per naive usage query: the day-by-metric totals of one account's last 31 days computed by
     * SQL over its raw events (what paygo's rollups avoid), averaged over {@code runs}.
     */
    static double naiveQueryMillis(String jdbcUrl, String accountId, int runs) throws Exception {
        long from = LocalDate.now(ZoneOffset.UTC).minusDays(QueryLoad.DAYS - 1).atStartOfDay(ZoneOffset.UTC)
                .toInstant().toEpochMilli();
        String sql = "SELECT metric, occurred_at_ms / 86400000 AS day, SUM(quantity_units), SUM(quantity_atto), "
                + "COUNT(*) FROM usage_events WHERE account_id = ? AND occurred_at_ms >= ? "
                + "GROUP BY metric, occurred_at_ms / 86400000 ORDER BY metric, day";
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement query = connection.prepareStatement(sql)) {
            long started = System.nanoTime();
            long groups = 0;
            for (int i = 0; i < runs; i++) {
                query.setString(1, accountId);
                query.setLong(2, from);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        groups++;
                    }
                }
            }
            if (groups == 0) {
                throw new IllegalStateException("the naive query found no usage");
            }
            return (System.nanoTime() - started) / 1e6 / runs;
        }
    }
}
