package dev.paygo.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygo.testing.Contract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what Cloudflare's TypeScript SDK types a method to answer, and to send, (shapes written by
 * {@code sdk-types.mjs}) with the OpenAPI document: every field the SDK types must be in the document with a type that
 * agrees (a JSON null the document allows is no disagreement: the SDK's optional fields may be left out or null),
 * unless the schema names it in {@code x-cloudflare-not-served}; and every name there must be one the SDK types, so
 * the list cannot outlive a field Cloudflare dropped. Fields the document has beyond the SDK's are paygo's own (or
 * an older SDK's) and allowed: a client of the typed SDK sees them as extra data.
 */
final class SdkShapes {
    private static final String NOT_SERVED = "x-cloudflare-not-served";

    private final Contract contract;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notServedChecked = new ArrayList<>();
    private int fieldsCompared;

    SdkShapes(Contract contract) {
        this.contract = contract;
    }

    /** What disagrees, each as {@code operation-id path: why}. */
    List<String> problems() {
        return problems;
    }

    /** The fields both typed by the SDK and compared with the document. */
    int fieldsCompared() {
        return fieldsCompared;
    }

    /** The fields the SDK types that the document says paygo does not serve, as {@code operation-id path}. */
    List<String> notServedChecked() {
        return notServedChecked;
    }

    /** The schema of the envelope's {@code result} in the operation's 200 or 201 answer; null when it has none. */
    JsonNode result(JsonNode operation) {
        JsonNode responses = operation.path("responses");
        JsonNode ok = responses.has("200") ? responses.get("200") : responses.get("201");
        if (ok == null) {
            return null;
        }
        JsonNode schema = resolve(ok).path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : properties(schema).get("result");
    }

    /**
     * Compares the fields of the SDK method's params ({@code shape}: path, query and body fields in one type) with the
     * operation's parameters and JSON request body: each field the SDK can send must be one or the other, so that
     * paygo takes it, unless the operation names it in {@code x-cloudflare-not-served}.
     */
    void compareParams(String id, JsonNode shape, JsonNode operation) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        operation.path("parameters").forEach(p -> parameters.put(resolve(p).path("name").asText(), resolve(p)));
        JsonNode body = resolve(operation.path("requestBody")).path("content").path("application/json").path("schema");
        Map<String, JsonNode> bodyFields = body.isMissingNode() ? Map.of() : properties(body);
        Set<String> notServed = new LinkedHashSet<>();
        operation.path(NOT_SERVED).fieldNames().forEachRemaining(notServed::add);
        String where = id + " params ";
        shape.path("object").properties().forEach(typed -> {
            String name = typed.getKey();
            String at = where + "." + name;
            if (notServed.contains(name)) {
                notServedChecked.add(at);
            } else if (parameters.containsKey(name)) {
                fieldsCompared++;
                compareAt(at, typed.getValue().path("type"), resolve(parameters.get(name).path("schema")));
            } else if (bodyFields.containsKey(name)) {
                fieldsCompared++;
                compareAt(at, typed.getValue().path("type"), resolve(bodyFields.get(name)));
            } else {
                problems.add(at + ": the SDK sends it" + (typed.getValue().path("optional").asBoolean()
                        ? " (optional)" : "") + ", the document has no such parameter or body field");
            }
        });
        for (String name : notServed) {
            if (!shape.path("object").has(name)) {
                problems.add(where + "." + name + ": in " + NOT_SERVED + " but the SDK does not send it");
            }
        }
    }

    /** Compares the SDK's {@code shape} of operation {@code id}'s answer with the document's {@code schema}. */
    void compare(String id, JsonNode shape, JsonNode schema) {
        compareAt(id + " ", shape, resolve(schema));
    }

    private void compareAt(String where, JsonNode shape, JsonNode schema) {
        if (shape.has("union")) {
            List<JsonNode> members = new ArrayList<>();
            shape.get("union").forEach(member -> {
                if (!member.asText().equals("null")) {
                    members.add(member);
                }
            });
            if (members.size() == 1) {
                compareAt(where, members.get(0), schema);
            } else {
                // None in 7.3.0's billing and token typings; one that appears is looked at, not passed over.
                problems.add(where + ": the SDK types a union of several kinds, which this comparison does not match "
                        + "member by member: " + shape);
            }
            return;
        }
        Set<String> types = types(schema);
        if (shape.has("array")) {
            JsonNode items = items(schema);
            if (items == null) {
                problems.add(where + ": the SDK types an array, the document " + types);
            } else {
                compareAt(where + "[]", shape.get("array"), resolve(items));
            }
        } else if (shape.has("object")) {
            compareObject(where, shape.get("object"), schema);
        } else {
            String primitive = shape.asText();
            Set<String> allowed = switch (primitive) {
                case "string" -> Set.of("string");
                case "number" -> Set.of("number", "integer");
                case "boolean" -> Set.of("boolean");
                case "map" -> Set.of("object");
                default -> Set.of();  // null, unknown, object: anything the document says agrees
            };
            if (!allowed.isEmpty() && !types.isEmpty() && allowed.stream().noneMatch(types::contains)) {
                problems.add(where + ": the SDK types " + primitive + ", the document " + types);
            }
        }
    }

    private void compareObject(String where, JsonNode typedFields, JsonNode schema) {
        Map<String, JsonNode> fields = properties(schema);
        Set<String> notServed = notServed(schema);
        typedFields.properties().forEach(typed -> {
            String name = typed.getKey();
            String at = where + "." + name;
            JsonNode field = fields.get(name);
            if (notServed.contains(name)) {
                notServedChecked.add(at);
                if (field != null) {
                    problems.add(at + ": in " + NOT_SERVED + " and in the document's properties");
                }
            } else if (field == null) {
                problems.add(at + ": the SDK types it" + (typed.getValue().path("optional").asBoolean()
                        ? " (optional)" : "") + ", the document lacks it");
            } else {
                fieldsCompared++;
                compareAt(at, typed.getValue().path("type"), resolve(field));
            }
        });
        for (String name : notServed) {
            if (!typedFields.has(name)) {
                problems.add(where + "." + name + ": in " + NOT_SERVED + " but the SDK does not type it");
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        return contract.resolve(node);
    }

    /** The schema and the schemas it combines (allOf, anyOf, oneOf), resolved. */
    private List<JsonNode> parts(JsonNode schema) {
        List<JsonNode> parts = new ArrayList<>();
        parts.add(resolve(schema));
        for (String combiner : List.of("allOf", "anyOf", "oneOf")) {
            resolve(schema).path(combiner).forEach(part -> parts.addAll(parts(part)));
        }
        return parts;
    }

    /** The properties the schema and its parts list; a later part's wins (allOf: [Envelope, {result: …}]). */
    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        parts(schema).forEach(part -> part.path("properties").properties()
                .forEach(e -> properties.put(e.getKey(), e.getValue())));
        return properties;
    }

    private Set<String> notServed(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        parts(schema).forEach(part -> part.path(NOT_SERVED).fieldNames().forEachRemaining(names::add));
        return names;
    }

    /** The JSON types the schema allows; empty when it does not say. */
    private Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode part : parts(schema)) {
            JsonNode type = part.path("type");
            if (type.isTextual()) {
                types.add(type.asText());
            }
            type.forEach(t -> types.add(t.asText()));
            if (!part.has("type") && part.has("properties")) {
                types.add("object");
            }
        }
        return types;
    }

    private JsonNode items(JsonNode schema) {
        return parts(schema).stream().filter(part -> part.has("items")).map(part -> part.get("items")).findFirst()
                .orElse(null);
    }
}
