package dev.paygo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * What paygo is measured against: the storage engine's raw insert rate for the same rows (no dedupe, no
 * rollups: the physical bound of ingestion), and the naive way to answer the usage query, SQL over raw events.
 */
final class Baselines {
    private Baselines() {
    }

    /** Rows per second that plain batched INSERTs of event rows reach, 1,000 per transaction, durable. */
    static double rawInsertRate(String jdbcUrl, int rows) throws Exception {
        Properties sqlite = new Properties();
        sqlite.setProperty("journal_mode", "WAL");
        sqlite.setProperty("synchronous", "FULL");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, sqlite)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS raw_events");
                ddl.execute("CREATE TABLE raw_events (account_id TEXT, event_id TEXT, metric TEXT, "
                        + "quantity_units BIGINT, quantity_atto BIGINT, occurred_at_ms BIGINT, zone_id TEXT, "
                        + "received_at_ms BIGINT)");
            }
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO raw_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "0123456789abcdef0123456789abcdef");
                    insert.setString(2, "w0-" + i);
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
