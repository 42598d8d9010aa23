package dev.paygo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.testing.Contract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The document's Cloudflare-shaped operations are what Cloudflare's TypeScript SDK 7.3.0 types: each operation id is a
 * method of that SDK (paygo's own are {@code paygo.*}), and each answer carries every field the method's typings
 * declare, with a type that agrees, except the fields a schema names in {@code x-cloudflare-not-served}.
 */
class OpenApiSdkIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCloudflareOperationIdIsAMethodOfTheSdk() throws Exception {
        List<String> ids = new ArrayList<>(cloudflareOperations().keySet());
        JsonNode found = node("sdk-methods.mjs", ids);
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

    @Test
    void cloudflareShapedAnswersCarryEveryFieldTheSdkTypes() throws Exception {
        Map<String, JsonNode> operations = cloudflareOperations();
        JsonNode typed = node("sdk-types.mjs", List.copyOf(operations.keySet()));
        SdkShapes shapes = new SdkShapes(Contract.get());
        operations.forEach((id, op) -> {
            JsonNode answer = typed.path(id);
            JsonNode result = shapes.result(op);
            if (result != null && !answer.isNull()) {
                shapes.compare(id, answer, result);
            }
        });

        assertThat(shapes.problems()).as("fields cloudflare@7.3.0 types that the document lacks or types otherwise")
                .isEmpty();
        assertThat(shapes.fieldsCompared()).as("fields compared").isGreaterThan(300);
        assertThat(shapes.notServedChecked()).as("fields paygo says it does not serve, each one the SDK types")
                .contains("accounts.tokens.create .last_used_on", "accounts.tokens.list [].condition");
    }

    @Test
    void everyParameterTheSdkSendsIsOneTheDocumentTakes() throws Exception {
        Map<String, JsonNode> operations = cloudflareOperations();
        JsonNode typed = node("sdk-types.mjs", List.copyOf(operations.keySet()), "params");
        SdkShapes shapes = new SdkShapes(Contract.get());
        operations.forEach((id, op) -> {
            if (typed.path(id).isObject()) {
                shapes.compareParams(id, typed.path(id), op);
            }
        });

        assertThat(shapes.problems()).as("what cloudflare@7.3.0 sends that the document does not take").isEmpty();
        assertThat(shapes.fieldsCompared()).as("fields compared").isGreaterThan(60);
        assertThat(shapes.notServedChecked()).containsExactlyInAnyOrder(
                "accounts.tokens.create params .condition.request_ip",
                "accounts.tokens.create params .policies[].permission_groups[].meta");
    }

    /** The document's Cloudflare-shaped operations by id (paygo's own are named {@code paygo.*}). */
    private static Map<String, JsonNode> cloudflareOperations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        Contract.get().document().path("paths").forEach(item -> item.forEach(op -> {
            String id = op.path("operationId").asText("");
            if (!id.isEmpty() && !id.startsWith("paygo.")) {
                operations.put(id, op);
            }
        }));
        return operations;
    }

    /** Runs one of the e2e's node scripts on cloudflare@7.3.0 and the operation ids; its JSON answer. */
    private static JsonNode node(String script, List<String> ids, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(CloudflareSdk.V7, JSON.writeValueAsString(ids)));
        args.addAll(List.of(more));
        return NodeScript.run(script, args.toArray(String[]::new));
    }
}
