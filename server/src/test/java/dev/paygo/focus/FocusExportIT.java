package dev.paygo.focus;

import static dev.paygo.focus.FocusIT.v2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.BillingFixture;
import dev.paygo.testing.BillingFixture.Customer;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOCUS exports read back by an independent reader (DuckDB): the Parquet and the CSV file hold exactly the records
 * the JSON API answers, value by value, with FOCUS's column names and types (decimals as decimals, timestamps in
 * UTC). Runs on SQLite and on PostgreSQL.
 */
class FocusExportIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-10-10T12:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestServer server;
    private static BillingFixture billing;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
        billing = new BillingFixture(server, CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<Path> download(Customer customer, String query, String file) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/accounts/" + customer.id()
                + "/billable/usage/export" + query)).header("Authorization", "Bearer " + customer.reader()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofFile(dir.resolve(file)));
    }

    @Test
    void parquetAndCsvExportsReadBackIdenticalToTheJson() throws Exception {
        Customer customer = billing.customer("Export");
        billing.octoberUsage(customer);
        customer.send("workers.requests", "2500.125", "2026-10-06T10:00:00Z", "c".repeat(32),
                "{\"team\": \"search\", \"note\": \"comma, \\\"quote\\\" and ünïcode\"}");
        customer.write("PUT", "/zones/" + "c".repeat(32), "{\"name\": \"api.example.com\"}");
        String params = "from=2026-10-01&to=2026-10-10&group_by=zone&group_by=tag:team&group_by=tag:note";
        JsonNode json = v2(customer, "?" + params);
        assertThat(json.size()).isGreaterThan(5);

        HttpResponse<Path> parquet = download(customer, "?format=parquet&" + params, "focus.parquet");
        assertThat(parquet.statusCode()).isEqualTo(200);
        assertThat(parquet.headers().firstValue("Content-Type")).contains("application/vnd.apache.parquet");
        assertThat(parquet.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains(".parquet");
        HttpResponse<Path> csv = download(customer, "?format=csv&" + params, "focus.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            Map<String, String> types = columnTypes(duck, "SELECT * FROM read_parquet('" + parquet.body() + "')");
            assertThat(types.get("ContractedCost")).isEqualTo("DECIMAL(38,18)");
            assertThat(types.get("ConsumedQuantity")).isEqualTo("DECIMAL(38,18)");
            assertThat(types.get("ChargePeriodStart")).isEqualTo("TIMESTAMP WITH TIME ZONE");
            assertThat(types.get("BillingAccountId")).isEqualTo("VARCHAR");
            assertSame(json, rows(duck, "SELECT * FROM read_parquet('" + parquet.body() + "')"), "parquet");
            assertSame(json, rows(duck, "SELECT * FROM read_csv('" + csv.body() + "', header = true, all_varchar = true)"),
                    "csv");
        }
        String header = Files.readAllLines(csv.body()).get(0);
        assertThat(header).startsWith("BilledCost,BillingAccountId,BillingAccountName,BillingCurrency");
    }

    @Test
    void anExportOfAYearStreamsAndBadParametersAreRefusedBeforeAnyByte() throws Exception {
        Customer customer = billing.customer("Export year");
        billing.octoberUsage(customer);
        HttpResponse<Path> year = download(customer, "?format=csv&from=2025-10-11&to=2026-10-10", "year.csv");
        assertThat(year.statusCode()).isEqualTo(200);
        assertThat(Files.readAllLines(year.body())).hasSize(1 + 5);
        for (String bad : List.of("?format=xml", "?from=2026-10-01&to=2026-10-01", "?format=csv&from=2024-01-01&to=2026-01-02",
                "?format=csv&group_by=nope")) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/accounts/"
                    + customer.id() + "/billable/usage/export" + bad)).header("Authorization", "Bearer "
                    + customer.reader()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("\"code\":1183");
        }
    }

    private static Map<String, String> columnTypes(Connection duck, String sql) throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE " + sql)) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return types;
    }

    private static List<Map<String, Object>> rows(Connection duck, String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Every JSON field of every record equals the file's cell of the same name, in the same row order. */
    private static void assertSame(JsonNode json, List<Map<String, Object>> rows, String format) {
        assertThat(rows).as(format).hasSize(json.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode record = json.get(i);
            Map<String, Object> row = rows.get(i);
            for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Object cell = row.get(field.getKey());
                String what = format + " row " + i + " " + field.getKey();
                JsonNode value = field.getValue();
                if (value.isNull()) {
                    assertThat(cell == null || "".equals(cell)).as(what + " is empty: " + cell).isTrue();
                } else if (value.isNumber()) {
                    assertThat(new BigDecimal(cell.toString())).as(what).isEqualByComparingTo(value.decimalValue());
                } else if (value.isObject()) {
                    assertThat(cell).as(what).isNotNull();
                    assertThat(FocusIT_json(cell.toString())).as(what).isEqualTo(value);
                } else if (field.getKey().endsWith("PeriodStart") || field.getKey().endsWith("PeriodEnd")) {
                    Instant expected = Instant.parse(value.asText());
                    Instant actual = cell instanceof Timestamp t ? t.toInstant()
                            : cell instanceof java.time.OffsetDateTime o ? o.toInstant() : Instant.parse(cell.toString());
                    assertThat(actual).as(what).isEqualTo(expected);
                } else {
                    assertThat(cell).as(what).isEqualTo(value.asText());
                }
            }
        }
    }

    private static JsonNode FocusIT_json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
