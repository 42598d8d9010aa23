package dev.paygo.apidoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygo.testing.Contract;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The contract check itself: what it lets through and what it catches, on answers written by hand. */
class ContractTest {
    private static final String ACCOUNT = "/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353";
    private static final String JSON = "application/json";
    private final Contract contract = Contract.get();

    private static URI at(String path) {
        return URI.create("http://127.0.0.1:1" + path);
    }

    private static String ok(String result) {
        return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + result + "}";
    }

    @Test
    void aConformingAnswerPasses() {
        String zone = ok("{\"id\":\"0123456789abcdef0123456789abcdef\",\"name\":\"example.com\","
                + "\"modified_on\":\"2026-12-01T21:21:35.651Z\"}");

        assertThat(contract.violations("PUT", at(ACCOUNT + "/zones/0123456789abcdef0123456789abcdef"), 200, JSON,
                null, zone)).isEmpty();
    }

    @Test
    void aFieldTheDocumentDoesNotListIsCaught() {
        String zone = ok("{\"id\":\"z\",\"name\":\"example.com\",\"colour\":\"blue\"}");

        assertThat(contract.violations("GET", at(ACCOUNT + "/zones"), 200, JSON, null, "["
                + zone + "]")).isNotEmpty();
        assertThat(contract.violations("PUT", at(ACCOUNT + "/zones/z"), 200, JSON, null, zone))
                .singleElement().asString().contains("colour");
    }

    @Test
    void aWrongTypeAMissingFieldAndABadDateAreCaught() {
        assertThat(contract.violations("PUT", at(ACCOUNT + "/zones/z"), 200, JSON, null,
                ok("{\"id\":\"z\",\"name\":7}"))).singleElement().asString().contains("/result/name");
        assertThat(contract.violations("PUT", at(ACCOUNT + "/zones/z"), 200, JSON, null,
                ok("{\"id\":\"z\"}"))).singleElement().asString().contains("name");
        assertThat(contract.violations("PUT", at(ACCOUNT + "/zones/z"), 200, JSON, null,
                ok("{\"id\":\"z\",\"name\":\"n\",\"modified_on\":\"yesterday\"}"))).isNotEmpty();
    }

    @Test
    void aStatusOrAContentTypeTheOperationDoesNotListIsCaught() {
        assertThat(contract.violations("GET", at(ACCOUNT + "/zones"), 201, JSON, null, ok("[]")))
                .singleElement().asString().contains("no such status");
        assertThat(contract.violations("GET", at(ACCOUNT + "/billable/usage/export"), 200, "text/html", null, "x"))
                .singleElement().asString().contains("text/html");
        assertThat(contract.violations("GET", at(ACCOUNT + "/billable/usage/export"), 200, "text/csv", null, "a,b"))
                .isEmpty();
    }

    @Test
    void failuresMustBeTheErrorEnvelopeEvenOnPathsTheDocumentDoesNotKnow() {
        String failure = "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"No route for the URI\"}],"
                + "\"messages\":[],\"result\":null}";

        assertThat(contract.violations("GET", at("/client/v4/nowhere"), 404, JSON, null, failure)).isEmpty();
        assertThat(contract.violations("GET", at("/client/v4/nowhere"), 404, "text/html", null, "<h1>404</h1>"))
                .isNotEmpty();
        assertThat(contract.violations("GET", at(ACCOUNT + "/zones"), 403, JSON, null,
                "{\"success\":false,\"errors\":[],\"messages\":[],\"result\":null}")).isNotEmpty();
        assertThat(contract.violations("GET", at("/client/v4/nowhere"), 200, JSON, null, ok("{}")))
                .singleElement().asString().contains("no such operation");
    }

    @Test
    void pathsAreRoutedAsTheServerRoutesThem() {
        String zones = ok("[]");

        assertThat(contract.violations("GET", at(ACCOUNT + "/zones/"), 200, JSON, null, zones)).isEmpty();
        assertThat(contract.violations("GET", at("/client/v4//accounts/023e105f4ecef8ad9ca31a8372d0c353//zones"), 200,
                JSON, null, zones)).isEmpty();
    }

    @Test
    void aLiteralPathIsMatchedBeforeATemplate() {
        String upcoming = ok("{\"account_id\":\"a\",\"status\":\"upcoming\",\"currency\":\"USD\","
                + "\"period_start\":\"2026-11-15\",\"period_end\":\"2026-12-15\",\"subtotal\":\"0.00\","
                + "\"credits_applied\":\"0.00\",\"total\":\"0.00\"}");

        assertThat(contract.violations("GET", at(ACCOUNT + "/invoices/upcoming"), 200, JSON, null, upcoming))
                .isEmpty();
    }

    @Test
    void pagesOutsideTheApiAreNotItsBusinessAndCheckThrowsWithTheBody() {
        assertThat(contract.violations("GET", at("/accounts/x/usage"), 200, "text/html", null, "<html>")).isEmpty();
        assertThatThrownBy(() -> contract.check("GET", at(ACCOUNT + "/zones"), 200, JSON, null, ok("{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("openapi/paygo.yaml")
                .hasMessageContaining("\"result\":{}");
    }

    /** What a JSON body the server took (201) at POST {@code path} breaks of the document. */
    private java.util.List<String> posted(String path, String body) {
        return contract.requestViolations("POST", at(path), 201, JSON, body);
    }

    @Test
    void aRequestBodyTheServerTookIsCheckedAgainstTheOperationsRequestBody() {
        String accounts = "/client/v4/accounts";
        assertThat(posted(accounts, "{\"name\": \"n\", \"billing_currency\": null}")).isEmpty();
        assertThat(posted(accounts, "{\"name\": \"n\", \"billing_currency\": 3}")).singleElement().asString()
                .contains("POST /client/v4/accounts request: /billing_currency");
        assertThat(posted(accounts, "{\"name\": \"n\", \"colour\": \"blue\"}")).singleElement().asString()
                .contains("colour");
        // Refused bodies are the server's to refuse; NDJSON is a series of documents, not one.
        assertThat(contract.requestViolations("POST", at(accounts), 400, JSON, "{\"name\": 3}")).isEmpty();
        assertThat(contract.requestViolations("POST", at(ACCOUNT + "/usage/events"), 200, "application/x-ndjson",
                "{\"id\": \"a\"}\n{\"id\": \"b\"}\n")).isEmpty();
        assertThat(contract.requestViolations("POST", at(accounts), 201, "text/plain", "n"))
                .singleElement().asString().contains("text/plain");
        // An operation without a body: an empty object says nothing, anything else is a body it does not take.
        String voidInvoice = ACCOUNT + "/invoices/0123456789abcdef0123456789abcdef/void";
        assertThat(contract.requestViolations("POST", at(voidInvoice), 200, JSON, "{}")).isEmpty();
        assertThat(contract.requestViolations("POST", at(voidInvoice), 200, JSON, "{\"reason\": \"x\"}"))
                .singleElement().asString().contains("a body the server took where the document has none");
    }

    @Test
    void aQueryParameterTheServerTookMustBeOneTheOperationLists() {
        String tokens = ACCOUNT + "/tokens";
        assertThat(contract.requestViolations("GET", at(tokens + "?page=2&per_page=5&direction=desc"), 200, null,
                null)).isEmpty();
        assertThat(contract.requestViolations("GET", at(tokens + "?per_page=5&colour=blue&colour=red"), 200, null,
                null)).singleElement().asString().isEqualTo("GET " + tokens + " request: query parameter 'colour' is "
                + "not in the document");
        assertThat(contract.requestViolations("GET", at(tokens + "?colour=blue"), 400, null, null)).isEmpty();
    }

    @Test
    void theDocumentsOwnExamplesAreWhatItsSchemasAllow() {
        assertThat(Contract.get().exampleViolations()).isEmpty();
    }

    @Test
    void anEmailIsAMailboxWhateverItsTopLevelDomain() {
        for (String good : new String[] {"billing@console.example", "first.last+tag@mail.co.uk"}) {
            assertThat(posted("/client/v4/users", "{\"email\": \"" + good + "\"}")).as(good).isEmpty();
        }
        for (String bad : new String[] {"no-at-sign", "a@", "@example.com", "a@-example.com", "a b@example.com"}) {
            assertThat(posted("/client/v4/users", "{\"email\": \"" + bad + "\"}")).as(bad)
                    .singleElement().asString().contains("/email");
        }
    }
}
