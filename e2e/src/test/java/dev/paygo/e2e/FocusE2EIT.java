package dev.paygo.e2e;

import static dev.paygo.auth.PermissionGroup.BILLING_READ;
import static dev.paygo.auth.PermissionGroup.USAGE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.client.PaygoClient;
import dev.paygo.client.UsageService.ExportFormat;
import dev.paygo.client.errors.PermissionDeniedException;
import dev.paygo.client.models.BillableUsageParams;
import dev.paygo.client.models.FocusRecord;
import dev.paygo.client.models.Organization;
import dev.paygo.client.models.Token;
import dev.paygo.e2e.CloudflareSdk.Outcome;
import dev.paygo.testing.Http;
import dev.paygo.testing.MutableClock;
import dev.paygo.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOCUS records through real clients: Cloudflare's TypeScript SDK 7.3.0 ({@code billing.usage.getAccountUsageV2}
 * and {@code organizations.billing.usage.get}) gets records with their costs filled, and paygo's Java SDK reads
 * them grouped, manages an organization and downloads an export.
 */
class FocusE2EIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-10-10T12:00:00Z");
    private static final String ZONE = "9f".repeat(16);
    private static TestServer server;
    private static String first;
    private static String second;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withClock(CLOCK));
        first = customer("Focus one", "25000000");
        second = customer("Focus two", "1000");
    }

    private static String customer(String name, String requests) {
        String id = server.createAccount(name, "2026-10-01T00:00:00Z");
        Http.Reply sent = server.http().call("POST", "/accounts/" + id + "/usage/events")
                .bearer(server.createToken(id, USAGE_WRITE))
                .json("[{\"id\": \"a\", \"metric\": \"workers.requests\", \"quantity\": \"" + requests + "\", "
                        + "\"timestamp\": \"2026-10-03T10:00:00Z\", \"zone_id\": \"" + ZONE + "\", \"tags\": "
                        + "{\"team\": \"edge\"}}, {\"id\": \"b\", \"metric\": \"workers.requests\", \"quantity\": 500, "
                        + "\"timestamp\": \"2026-10-03T11:00:00Z\"}]").send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return id;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PaygoClient client(String token) {
        return PaygoClient.builder().baseUrl(server.checkedBaseUrl()).apiToken(token).build();
    }

    @Test
    void cloudflaresSdk73GetsV2RecordsWithCostsForAnAccountAndAnOrganization() {
        String reader = server.createToken(first, BILLING_READ);
        Outcome v2 = CloudflareSdk.withToken(server.checkedBaseUrl(), reader).version(CloudflareSdk.V7)
                .call("billing.usage.getAccountUsageV2", Map.of("account_id", first, "from", "2026-10-01",
                        "to", "2026-10-10"));
        assertThat(v2.ok()).as(String.valueOf(v2.error())).isTrue();
        assertThat(v2.result()).hasSize(1);
        JsonNode record = v2.result().get(0);
        // 25,000,500 requests, 10M included: 15,000,500 billed at $0.30 per million.
        assertThat(record.get("ContractedCost").decimalValue()).isEqualByComparingTo("4.50015");
        assertThat(record.get("BilledCost").decimalValue()).isEqualByComparingTo("4.50015");
        assertThat(record.get("EffectiveCost").decimalValue()).isEqualByComparingTo("4.50015");
        assertThat(record.get("ListUnitPrice").decimalValue()).isEqualByComparingTo("0.0000003");
        assertThat(record.get("BillingPeriodEnd").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(record.get("x_BillableMetricId").asText()).isEqualTo("workers.requests");

        try (PaygoClient operator = client(TestServer.OPERATOR_TOKEN)) {
            Organization org = operator.organizations().create("E2E group");
            operator.organizations().addAccount(org.id(), first);
            operator.organizations().addAccount(org.id(), second);
            Token orgToken = operator.organizations().createToken(org.id(), "finops");
            Outcome orgUsage = CloudflareSdk.withToken(server.checkedBaseUrl(), orgToken.value().orElseThrow())
                    .version(CloudflareSdk.V7).call("organizations.billing.usage.get", org.id(),
                            Map.of("from", "2026-10-01", "to", "2026-10-10"));
            assertThat(orgUsage.ok()).as(String.valueOf(orgUsage.error())).isTrue();
            Set<String> accounts = java.util.stream.StreamSupport.stream(orgUsage.result().spliterator(), false)
                    .map(r -> r.get("BillingAccountId").asText()).collect(Collectors.toSet());
            assertThat(accounts).containsExactlyInAnyOrder(first, second);
            Outcome notYours = CloudflareSdk.withToken(server.checkedBaseUrl(), reader).version(CloudflareSdk.V7)
                    .call("organizations.billing.usage.get", org.id(), Map.of());
            assertThat(notYours.ok()).isFalse();
            assertThat(notYours.status()).isEqualTo(403);
        }
    }

    @Test
    void javaSdkReadsGroupedRecordsAndDownloadsAnExport() throws Exception {
        try (PaygoClient paygo = client(server.createToken(second, BILLING_READ))) {
            List<FocusRecord> byZone = paygo.billing().usage().v2(BillableUsageParams.builder().accountId(second)
                    .from(LocalDate.parse("2026-10-01")).to(LocalDate.parse("2026-10-10")).groupByZone()
                    .groupByTag("team").build());
            assertThat(byZone).hasSize(2);
            assertThat(byZone.get(0).xZoneId()).isEmpty();
            assertThat(byZone.get(0).consumedQuantity()).isEqualByComparingTo("500");
            assertThat(byZone.get(1).xZoneId()).contains(ZONE);
            assertThat(byZone.get(1).tags()).containsEntry("team", "edge");
            assertThat(byZone.get(1).consumedQuantity()).isEqualByComparingTo("1000");
            assertThat(byZone.stream().map(FocusRecord::contractedCost).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("within the allowance").isZero();

            Path csv = paygo.billing().usage().export(BillableUsageParams.builder().accountId(second)
                    .from(LocalDate.parse("2026-10-01")).to(LocalDate.parse("2026-10-10")).build(), ExportFormat.CSV,
                    dir.resolve("focus.csv"));
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("BilledCost,BillingAccountId");
            assertThat(lines.get(1)).contains(second).contains("workers.requests");

            Assertions.assertThatThrownBy(() -> paygo.organizations().usage(BillableUsageParams.builder()
                    .organizationId("ab".repeat(16)).build())).isInstanceOf(PermissionDeniedException.class);
            Path refused = dir.resolve("refused.csv");
            Assertions.assertThatThrownBy(() -> paygo.organizations().export(BillableUsageParams.builder()
                    .organizationId("ab".repeat(16)).build(), ExportFormat.CSV, refused))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThat(refused).as("a refused export writes no file").doesNotExist();
            assertThat(dir.resolve("refused.csv.part")).doesNotExist();
        }
    }
}
