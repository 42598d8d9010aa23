package dev.paygo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataIT {
    @TempDir
    Path folder;

    @Test
    void seedingTwiceKeepsOneAccountOneProfileAndTheSameToken() throws Exception {
        try (TestServer server = TestServer.start()) {
            Path tokenFile = folder.resolve("demo-token");
            DemoData.Demo first = DemoData.seed(server.server(), tokenFile);
            String editedOn = server.asOperator("GET", "/accounts/" + DemoData.ACCOUNT_ID + "/billing/profile")
                    .send().result().get("edited_on").asText();
            DemoData.Demo second = DemoData.seed(server.server(), tokenFile);

            assertThat(first.newEvents()).isGreaterThan(2000);
            assertThat(second.newEvents()).isZero();
            assertThat(second.account()).isEqualTo(first.account());
            assertThat(second.token()).isEqualTo(first.token());
            assertThat(Files.readString(tokenFile).strip()).isEqualTo(first.token());
            assertThat(server.asOperator("GET", "/accounts").send().json().at("/result_info/total_count").asInt())
                    .isEqualTo(1);

            Reply profile = server.http().call("GET", "/accounts/" + DemoData.ACCOUNT_ID + "/billing/profile")
                    .bearer(second.token()).send();
            assertThat(profile.status()).isEqualTo(200);
            assertThat(profile.result().get("company").asText()).isEqualTo("Demo Corp");
            assertThat(profile.result().get("card_number").asText()).isEqualTo("XXXX-XXXX-XXXX-4242");
            assertThat(profile.result().get("edited_on").asText()).isEqualTo(editedOn);

            // Its past periods are invoiced once and paid, the welcome credit first.
            assertThat(second.invoices()).hasSameSizeAs(first.invoices()).isNotEmpty();
            java.math.BigDecimal credited = java.math.BigDecimal.ZERO;
            for (var invoice : second.invoices()) {
                assertThat(invoice.status().wire()).isEqualTo("paid");
                credited = credited.add(invoice.credits().amount());
            }
            var grants = server.http().call("GET", "/accounts/" + DemoData.ACCOUNT_ID + "/credits")
                    .bearer(second.token()).send().result();
            assertThat(grants).hasSize(1);
            assertThat(grants.get(0).get("description").asText()).isEqualTo("Welcome credit");
            assertThat(new java.math.BigDecimal(grants.get(0).get("used").asText())).isEqualByComparingTo(credited)
                    .isPositive();

            // Its usage comes from two named zones and an untagged source, tagged by team; one organization holds it.
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            Reply byZone = server.http().call("GET", "/accounts/" + DemoData.ACCOUNT_ID + "/billable/usage?from="
                    + today.minusDays(10) + "&to=" + today.minusDays(1) + "&group_by=zone&group_by=tag:team")
                    .bearer(second.token()).send();
            assertThat(byZone.status()).isEqualTo(200);
            java.util.Set<String> zones = new java.util.TreeSet<>();
            byZone.result().forEach(r -> zones.add(r.get("x_ZoneName").asText("none") + "/"
                    + r.get("Tags").path("team").asText()));
            assertThat(zones).containsExactly("api.demo.example/platform", "none/data", "shop.demo.example/storefront");
            var organizations = server.asOperator("GET", "/organizations").send().result();
            assertThat(organizations).hasSize(1);
            assertThat(organizations.get(0).get("accounts").get(0).asText()).isEqualTo(DemoData.ACCOUNT_ID);
        }
    }

    @Test
    void aLostOrRevokedDemoTokenIsReplaced() throws Exception {
        try (TestServer server = TestServer.start()) {
            Path tokenFile = folder.resolve("demo-token");
            DemoData.Demo first = DemoData.seed(server.server(), tokenFile);
            Files.writeString(tokenFile, "not-a-token-anymore");
            DemoData.Demo second = DemoData.seed(server.server(), tokenFile);
            assertThat(second.token()).isNotEqualTo(first.token()).isNotEqualTo("not-a-token-anymore");
            assertThat(server.http().call("GET", "/accounts/" + DemoData.ACCOUNT_ID + "/billing/profile")
                    .bearer(second.token()).send().status()).isEqualTo(200);
        }
    }
}
