package dev.paygo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.OpenApi31;
import com.networknt.schema.format.Format;
import dev.paygo.apidoc.ApiDocument;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API's contract, {@code openapi/paygo.yaml}, as the test suites check answers against it: every answer of a
 * route under {@code /client/v4} (and of the operations routes the document lists) must be one the document
 * describes for that method, path and status, and a JSON body must validate against its schema (JSON Schema 2020-12
 * with OpenAPI 3.1's vocabulary, by networknt's validator, formats asserted). A path the document does not know
 * must be answered with the error envelope.
 *
 * <p>The tests are stricter than the published document: an object schema that lists its properties is closed here
 * ({@code unevaluatedProperties: false}), so a field the server sends but the document lacks fails a test, while
 * clients generated from the document stay free to meet new fields. Request bodies the server accepts are checked
 * too ({@link #requestViolations}): what the server takes, a client generated from the document must be able to send.
 */
public final class Contract {
    private static final String BASE = "https://paygo.test/openapi.json";
    private static final String API = "/client/v4";
    private static final Set<String> ENVELOPES = Set.of("Envelope", "PageEnvelope");
    private static final Contract INSTANCE = new Contract();

    private final JsonNode document;
    private final List<Operation> templates = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** A path of the document as clients call it, with the pattern that matches it. */
    private record Operation(String key, String path, Pattern pattern, JsonNode item, int parameters) {
    }

    private Contract() {
        document = ApiDocument.load().tree();
        String strict = closeObjects(document.deepCopy());
        Dialect dialect = Dialect.builder(OpenApi31.getInstance()).format(new MailboxFormat()).build();
        registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemas(Map.of(BASE, strict))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        String base = document.path("servers").path(0).path("url").asText(API);
        document.path("paths").fields().forEachRemaining(e -> {
            JsonNode servers = e.getValue().path("servers");
            String prefix = servers.isArray() && servers.size() > 0 ? servers.get(0).path("url").asText() : base;
            String full = (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix) + e.getKey();
            String regex = Pattern.quote(full).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            templates.add(new Operation(e.getKey(), full, Pattern.compile(regex), e.getValue(),
                    (int) full.chars().filter(c -> c == '{').count()));
        });
        // A literal path wins over a template that also matches it: /invoices/upcoming before /invoices/{id}.
        templates.sort(Comparator.comparingInt(Operation::parameters));
    }

    public static Contract get() {
        return INSTANCE;
    }

    /** The document as a JSON tree (a copy). */
    public JsonNode document() {
        return document.deepCopy();
    }

    /** The node a local {@code $ref} points to, followed to the end; {@code node} itself when it is no reference. */
    public JsonNode resolve(JsonNode node) {
        JsonNode at = node;
        while (at.has("$ref") && at.get("$ref").asText().startsWith("#")) {
            at = document.at(at.get("$ref").asText().substring(1));
        }
        return at;
    }

    /** Every operation of the document as {@code METHOD /full/path/{param}}. */
    public Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        for (Operation operation : templates) {
            operation.item().fieldNames().forEachRemaining(method -> {
                if (!method.equals("servers") && !method.equals("parameters")) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + operation.path());
                }
            });
        }
        return operations;
    }

    /**
     * Checks one answer against the document.
     *
     * @param url the URL the request went to
     * @param contentType the answer's {@code Content-Type}, or null
     * @param contentEncoding the answer's {@code Content-Encoding}, or null (a compressed body is not read)
     * @return what the answer does that the document does not allow; empty when it conforms
     */
    public List<String> violations(String method, URI url, int status, String contentType, String contentEncoding,
                                   String body) {
        String path = routed(url.getRawPath());
        boolean documented = path.startsWith(API + "/") || templates.stream().anyMatch(t -> t.path().equals(path));
        if (!documented || method.equals("HEAD") || method.equals("OPTIONS")) {
            return List.of();
        }
        String where = method + " " + path + " → " + status + ": ";
        Operation operation = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst()
                .orElse(null);
        JsonNode op = operation == null ? null : operation.item().get(method.toLowerCase(Locale.ROOT));
        if (op == null) {
            // No such route or method: only a failure may answer it, and in the error envelope.
            return status < 400 ? List.of(where + "the document has no such operation")
                    : validate(where, "/components/schemas/ErrorEnvelope", contentType, contentEncoding, body,
                            "application/json");
        }
        JsonNode response = op.path("responses").get(String.valueOf(status));
        String responsePointer = "/paths/" + escape(operation.key()) + "/"
                + method.toLowerCase(Locale.ROOT) + "/responses/";
        if (response == null) {
            response = op.path("responses").get("default");
            responsePointer += "default";
            if (response == null || status < 400) {
                return List.of(where + "the document lists no such status for this operation");
            }
        } else {
            responsePointer += status;
        }
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body == null || body.isEmpty() ? List.of() : List.of(where + "a body where the document has none");
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(media)) {
            List<String> allowed = new ArrayList<>();
            content.fieldNames().forEachRemaining(allowed::add);
            return List.of(where + "Content-Type " + contentType + " is not one of " + allowed);
        }
        if (!media.contains("json")) {
            return List.of();
        }
        return validate(where, responsePointer + "/content/" + escape(media) + "/schema", contentType,
                contentEncoding, body, media);
    }

    /**
     * Checks a request the server accepted (it answered 2xx) against the operation: its body against the request
     * body's schema, and its query parameters against those the operation lists. What the server takes must be what
     * the document allows, or a client generated from the document could not send it.
     *
     * @return what the request does that the document does not allow; empty when it conforms or when the server
     *     refused it (a body that is not JSON, an NDJSON batch or a file, is not read)
     */
    public List<String> requestViolations(String method, URI url, int status, String contentType, String body) {
        if (status < 200 || status > 299) {
            return List.of();
        }
        String path = routed(url.getRawPath());
        Operation operation = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst()
                .orElse(null);
        JsonNode op = operation == null ? null : operation.item().get(method.toLowerCase(Locale.ROOT));
        if (op == null) {
            return List.of();
        }
        String where = method + " " + path + " request: ";
        List<String> found = new ArrayList<>(queryViolations(where, operation, op, url.getRawQuery()));
        if (body == null || body.isEmpty()) {
            return found;
        }
        JsonNode content = op.path("requestBody").path("content");
        if (content.isMissingNode()) {
            // An empty object says nothing: the server ignores it where an operation takes no body.
            if (!body.strip().equals("{}")) {
                found.add(where + "a body the server took where the document has none");
            }
            return found;
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(media)) {
            List<String> allowed = new ArrayList<>();
            content.fieldNames().forEachRemaining(allowed::add);
            found.add(where + "Content-Type " + contentType + " is not one of " + allowed);
            return found;
        }
        if (!media.equals("application/json") && !media.endsWith("+json")) {
            return found;  // NDJSON is a series of documents, not one
        }
        String pointer = "/paths/" + escape(operation.key()) + "/" + method.toLowerCase(Locale.ROOT)
                + "/requestBody/content/" + escape(media) + "/schema";
        found.addAll(validate(where, pointer, contentType, null, body, media));
        return found;
    }

    /**
     * Query parameters of a request the server took that the operation does not list (its own or its path's): what
     * paygo reads, a client generated from the document must know of.
     */
    private List<String> queryViolations(String where, Operation operation, JsonNode op, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode parameters : List.of(operation.item().path("parameters"), op.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                JsonNode resolved = resolve(parameter);
                if (resolved.path("in").asText().equals("query")) {
                    listed.add(resolved.path("name").asText());
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (!name.isEmpty() && !listed.contains(name) && !found.contains(where + "query parameter '" + name
                    + "' is not in the document")) {
                found.add(where + "query parameter '" + name + "' is not in the document");
            }
        }
        return found;
    }

    /**
     * The document's own examples that its schemas refuse, checked as strictly as answers are: a schema's
     * {@code examples} against that schema, and a media type's {@code example} against the media type's schema. The
     * examples are what Swagger UI and generated clients' docs show, so one that drifted from its schema misleads.
     */
    public List<String> exampleViolations() {
        List<String> found = new ArrayList<>();
        collectExamples(document, "", found);
        return found;
    }

    private void collectExamples(JsonNode node, String pointer, List<String> found) {
        if (node.isObject()) {
            JsonNode examples = node.path("examples");
            for (int i = 0; examples.isArray() && i < examples.size(); i++) {
                found.addAll(validateValue(pointer + "/examples/" + i + ": ", pointer, examples.get(i)));
            }
            if (node.has("example") && node.has("schema")) {
                found.addAll(validateValue(pointer + "/example: ", pointer + "/schema", node.get("example")));
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("examples") && !e.getKey().equals("example")) {
                    collectExamples(e.getValue(), pointer + "/" + escape(e.getKey()), found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectExamples(node.get(i), pointer + "/" + i, found);
            }
        }
    }

    private List<String> validateValue(String where, String pointer, JsonNode value) {
        List<Error> errors = schema(pointer).validate(value.toString(), InputFormat.JSON);
        return errors.stream().map(e -> where + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
    }

    /** A path as the server routes it: repeated slashes count as one, and a trailing slash is ignored. */
    private static String routed(String rawPath) {
        String path = rawPath.replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Throws when the answer breaks the contract (the request is not checked). */
    public void check(String method, URI url, int status, String contentType, String contentEncoding, String body) {
        fail(violations(method, url, status, contentType, contentEncoding, body), body);
    }

    /** Throws when the answer, or the request the server accepted (its query and body), breaks the contract. */
    public void check(String method, URI url, int status, String contentType, String contentEncoding, String body,
                      String requestContentType, String requestBody) {
        List<String> violations = new ArrayList<>(violations(method, url, status, contentType, contentEncoding, body));
        violations.addAll(requestViolations(method, url, status, requestContentType, requestBody));
        fail(violations, body);
    }

    private static void fail(List<String> violations, String body) {
        if (!violations.isEmpty()) {
            throw new AssertionError("the answer breaks openapi/paygo.yaml:\n  " + String.join("\n  ", violations)
                    + "\n  body: " + abbreviate(body));
        }
    }

    private List<String> validate(String where, String pointer, String contentType, String contentEncoding,
                                  String body, String media) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(media)) {
            return List.of(where + "Content-Type " + contentType + " where the document says " + media);
        }
        if (contentEncoding != null && !contentEncoding.equalsIgnoreCase("identity")) {
            return List.of();
        }
        List<Error> errors = schema(pointer).validate(body, InputFormat.JSON);
        return errors.stream().map(e -> where + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }

    /** The document with every listed object of its components closed to fields it does not list, as JSON. */
    private static String closeObjects(JsonNode document) {
        document.path("components").path("schemas").fields().forEachRemaining(e -> {
            if (!ENVELOPES.contains(e.getKey())) {
                close(e.getValue());
            }
        });
        try {
            return new ObjectMapper().writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
            object.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("examples")) {
                    if (e.getKey().equals("properties")) {
                        e.getValue().forEach(Contract::close);
                    } else {
                        close(e.getValue());
                    }
                }
            });
        } else if (schema != null && schema.isArray()) {
            schema.forEach(Contract::close);
        }
    }

    /**
     * {@code format: email} as RFC 5321's Mailbox syntax (dot-atom local part, then a domain of letters, digits and
     * hyphens): networknt's own check also wants a top-level domain from IANA's list, and refuses the {@code .example}
     * that RFC 2606 reserves for examples and that the suites use.
     */
    private static final class MailboxFormat implements Format {
        private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
        private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
        private static final Pattern MAILBOX = Pattern.compile(ATOM + "(\\." + ATOM + ")*@" + LABEL + "(\\." + LABEL
                + ")+");

        @Override
        public String getName() {
            return "email";
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return value.length() <= 254 && MAILBOX.matcher(value).matches();
        }
    }
}
