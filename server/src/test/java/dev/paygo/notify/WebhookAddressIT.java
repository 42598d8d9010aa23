package dev.paygo.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygo.testing.Http.Reply;
import dev.paygo.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Without {@code --webhook-allow-private}, a webhook cannot point into the operator's network: URLs on loopback,
 * private, link-local (cloud metadata) and unique-local addresses are refused with a 400 that says why, and
 * nothing is stored. Runs on SQLite and on PostgreSQL.
 */
class WebhookAddressIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void privateAndLoopbackUrlsAreRefusedWithoutTheFlag() {
        for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost/hook", "https://10.1.2.3/hook",
                "http://192.168.1.20/hook", "http://172.16.0.1/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook", "http://100.64.0.1/hook")) {
            Reply reply = server.asOperator("POST", "/webhooks").json("{\"url\": \"" + url
                    + "\", \"enabled_events\": [\"*\"]}").send();
            assertThat(reply.status()).as(url + " → " + reply).isEqualTo(400);
            assertThat(reply.json().get("errors").get(0).get("source").get("pointer").asText()).isEqualTo("/url");
            assertThat(reply.json().get("errors").get(0).get("message").asText())
                    .contains("--webhook-allow-private");
        }
        assertThat(server.asOperator("GET", "/webhooks").send().result()).isEmpty();
    }

    @Test
    void aPublicAddressIsAccepted() {
        Reply reply = server.asOperator("POST", "/webhooks").json(
                "{\"url\": \"https://93.184.215.14/paygo\", \"enabled_events\": [\"invoice.paid\"]}").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String id = reply.result().get("id").asText();
        assertThat(server.asOperator("DELETE", "/webhooks/" + id).send().status()).isEqualTo(200);
    }
}
