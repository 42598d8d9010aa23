package dev.paygo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.TestBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A database password given in the URL is used, and never printed. */
class DatabasePasswordIT {
    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(TestBackend.POSTGRES_URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void migratePrintsTheUrlWithItsPasswordMasked() throws Exception {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        try {
            // The test server trusts local connections, so any password connects; what matters is where it shows.
            String url = TestBackend.POSTGRES_URL + "&password=hunter2-not-for-logs&currentSchema=" + schema;
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = PaygoCli.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute("migrate", "--database", url);
            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("migration(s) applied to").contains("password=****")
                    .doesNotContain("hunter2");
            assertThat(err.toString()).doesNotContain("hunter2");
        } finally {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
