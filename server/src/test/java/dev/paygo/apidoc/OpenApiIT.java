package dev.paygo.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paygo.routing.Route;
import dev.paygo.testing.Contract;
import dev.paygo.testing.Http;
import dev.paygo.testing.TestServer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document against the server: the same routes, served as JSON and YAML, and lint-free. */
class OpenApiIT {
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
    void everyRouteOfTheRouteTableIsInTheDocumentAndNothingElse() {
        Set<String> table = server.server().routes().stream().map(r -> r.method() + " " + r.path())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> document = new TreeSet<>(Contract.get().operations());

        assertThat(document).as("routes the server serves that openapi/paygo.yaml lacks")
                .containsAll(table);
        assertThat(table).as("operations of openapi/paygo.yaml that the server does not serve")
                .containsAll(document);
        assertThat(table).as("the route table, at least as it stood when the document was written")
                .hasSizeGreaterThanOrEqualTo(73);
    }

    @Test
    void theDocumentIsServedAsJsonAndAsYamlAndBothAreTheSame() throws Exception {
        Http.Reply json = server.http().get("/openapi.json");
        Http.Reply yaml = server.http().get("/openapi.yaml");

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        JsonNode fromYaml = new YAMLMapper().readTree(yaml.raw().body());
        assertThat(new ObjectMapper().readTree(json.raw().body())).isEqualTo(fromYaml);
        assertThat(fromYaml.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(fromYaml.at("/paths/~1accounts~1{account_id}~1billing~1profile/get/operationId").asText())
                .isEqualTo("billing.profiles.get");
    }

    @Test
    void theServedDocumentPassesTheSwaggerParserWithoutAMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(server.baseUrl() + "/openapi.json", null,
                options);

        assertThat(result.getMessages()).as("the Swagger parser's messages").isEmpty();
        assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThanOrEqualTo(58);
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes())
                .containsOnlyKeys("apiToken", "apiEmail", "apiKey", "operatorToken");
    }

    @Test
    void everyOperationHasAnIdASummaryAndAnErrorAnswer() {
        JsonNode paths = Contract.get().document().path("paths");
        Set<String> ids = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getKey().equals("servers")) {
                return;
            }
            String where = op.getKey() + " " + path.getKey();
            assertThat(op.getValue().path("operationId").asText()).as(where).isNotEmpty();
            assertThat(ids.add(op.getValue().path("operationId").asText())).as(where + " has a unique id").isTrue();
            assertThat(op.getValue().path("summary").asText()).as(where).isNotEmpty();
            assertThat(op.getValue().path("responses").has("default")).as(where + " answers errors").isTrue();
        }));
    }

    @Test
    void everyTagAnOperationNamesIsDeclaredWithADescription() {
        JsonNode document = Contract.get().document();
        Set<String> described = new TreeSet<>();
        document.path("tags").forEach(tag -> {
            assertThat(tag.path("description").asText()).as("tag " + tag.path("name")).isNotBlank();
            described.add(tag.path("name").asText());
        });
        Set<String> used = new TreeSet<>();
        document.path("paths").forEach(path -> path.forEach(op -> op.path("tags").forEach(t -> used.add(t.asText()))));
        assertThat(used).isEqualTo(described);
    }

    @Test
    void theApiReferencePageServesSwaggerUiFromTheJar() {
        Http root = new Http(server.baseUrl().replace("/client/v4", ""));
        Http.Reply page = root.get("/docs");
        Http.Reply script = root.get("/assets/reference.js");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("/client/v4/openapi.json").contains("/webjars/swagger-ui/");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(script.status()).isEqualTo(200);
        String bundle = page.raw().body().replaceAll("(?s).*src=\"(/webjars/swagger-ui/[^\"]+)\".*", "$1");
        Http.Reply ui = root.get(bundle);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.raw().body()).contains("SwaggerUIBundle");
    }
}
