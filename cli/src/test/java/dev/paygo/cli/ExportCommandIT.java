package dev.paygo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.auth.PermissionGroup;
import dev.paygo.testing.Http;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paygo export focus}: an organization's FOCUS records to a Parquet file, from the database directly, read
 * back with DuckDB; bad options are refused with a message and no file.
 */
class ExportCommandIT {
    @TempDir
    Path folder;


    @Test
    void writesAnOrganizationsRecordsToParquetWithAProgressBar() throws Exception {
        try (TestServer server = TestServer.start(c -> c.withClock(MutableClock.at("2026-03-03T12:00:00Z")))) {
            String first = server.createAccount("Export one", "2026-02-01T00:00:00Z");
            String second = server.createAccount("Export two", "2026-02-01T00:00:00Z");
            for (String account : new String[] {first, second}) {
                Http.Reply sent = server.http().call("POST", "/accounts/" + account + "/usage/events")
                        .bearer(server.createToken(account, PermissionGroup.USAGE_WRITE))
                        .json("[{\"id\": \"a\", \"metric\": \"workers.requests\", \"quantity\": 12000000, "
                                + "\"timestamp\": \"2026-02-10T10:00:00Z\"}, {\"id\": \"b\", \"metric\": "
                                + "\"workers.cpu_ms\", \"quantity\": \"2.5\", \"timestamp\": \"2026-03-01T10:00:00Z\"}]")
                        .send();
                assertThat(sent.status()).isEqualTo(200);
            }
            String org = server.server().organizations().create("Exported").id();
            server.server().organizations().addAccount(org, first, "/organizations");
            server.server().organizations().addAccount(org, second, "/organizations");
            String database = server.server().config().databaseUrl();
            Path out = folder.resolve("focus.parquet");

            CliRun export = CliRun.of("export", "focus", "--database", database, "--organization", org, "--format", "parquet",
                    "--from", "2026-01-01", "--to", "2026-03-03", "--out", out.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(export.err()).contains("[##############################] 100%  124/124 account-days, 4 records");
            assertThat(export.out()).contains("wrote 4 records of 2 account(s)");

            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                 Statement s = duck.createStatement();
                 ResultSet rs = s.executeQuery("SELECT BillingAccountId, SUM(ContractedCost) AS cost, COUNT(*) AS n "
                         + "FROM read_parquet('" + out + "') GROUP BY BillingAccountId ORDER BY BillingAccountId")) {
                int accounts = 0;
                while (rs.next()) {
                    accounts++;
                    // 12M requests, 10M included: 2M at $0.30 per million; the CPU time is within its allowance.
                    assertThat(rs.getBigDecimal("cost")).isEqualByComparingTo(new BigDecimal("0.6"));
                    assertThat(rs.getLong("n")).isEqualTo(2);
                }
                assertThat(accounts).isEqualTo(2);
            }

            CliRun bad = CliRun.of("export", "focus", "--database", database, "--account", first, "--format", "xlsx",
                    "--from", "2026-01-01", "--to", "2026-03-03", "--out", folder.resolve("bad.xlsx").toString());
            assertThat(bad.exitCode()).isNotZero();
            assertThat(bad.err()).contains("format").contains("csv or parquet");
            assertThat(folder.resolve("bad.xlsx")).doesNotExist();
            CliRun both = CliRun.of("export", "focus", "--database", database, "--account", first, "--organization", org,
                    "--format", "csv", "--from", "2026-01-01", "--to", "2026-03-03", "--out", "x.csv");
            assertThat(both.exitCode()).isNotZero();
            assertThat(both.err()).contains("mutually exclusive");
        }
    }
}
