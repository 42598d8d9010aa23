package dev.paygo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.testing.Contract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The document's Cloudflare-shaped operation ids are methods of Cloudflare's TypeScript SDK 7.3.0: a route paygo
 * says is Cloudflare's is one that SDK calls by that name (paygo's own are {@code paygo.*}).
 */
class OpenApiSdkIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCloudflareOperationIdIsAMethodOfTheSdk() throws Exception {
        List<String> ids = new ArrayList<>();
        Contract.get().document().path("paths").forEach(item -> item.forEach(op -> {
            String id = op.path("operationId").asText("");
            if (!id.isEmpty() && !id.startsWith("paygo.")) {
                ids.add(id);
            }
        }));
        Path nodeDir = Path.of(System.getProperty("paygo.node.dir", "node")).toAbsolutePath();
        Process process = new ProcessBuilder("node", "sdk-methods.mjs", CloudflareSdk.V7, JSON.writeValueAsString(ids))
                .directory(nodeDir.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        JsonNode found = JSON.readTree(out);
        Map<String, Boolean> missing = new TreeMap<>();
        ids.forEach(id -> {
            if (!found.path(id).asBoolean()) {
                missing.put(id, false);
            }
        });

        assertThat(ids).contains("billing.profiles.get", "billing.usage.paygo", "billing.usage.get",
                "organizations.billing.usage.get", "accounts.tokens.create").hasSizeGreaterThanOrEqualTo(20);
        assertThat(missing).as("operation ids that cloudflare@7.3.0 has no method for").isEmpty();
    }
}
