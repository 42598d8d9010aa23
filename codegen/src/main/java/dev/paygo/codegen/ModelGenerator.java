package dev.paygo.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the Java SDK's model classes from the API's OpenAPI document: one immutable JSON-backed class per schema
 * named, with typed getters ({@code Optional} for what the schema does not require), a builder, and room for fields
 * it does not know. Each field is parsed once, when the model is read. A schema reachable from a request body gets a
 * builder that refuses to build without its required fields.
 *
 * <p>Usage: {@code ModelGenerator <openapi.yaml> <output source folder> <package> <Schema,Schema,...>}
 */
public final class ModelGenerator {
    private static final String REF = "#/components/schemas/";
    private final JsonNode schemas;
    private final Set<String> requestSchemas;
    private final Set<String> models;
    private final String packageName;

    ModelGenerator(JsonNode document, String packageName, Set<String> models) {
        this.schemas = document.path("components").path("schemas");
        this.packageName = packageName;
        this.models = models;
        this.requestSchemas = reachableFromRequestBodies(document);
        for (String model : models) {
            if (!schemas.has(model)) {
                throw new IllegalArgumentException("the document has no schema " + model);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ModelGenerator <openapi.yaml> <output folder> <package> "
                    + "<Schema,Schema,...>");
        }
        JsonNode document = new YAMLMapper().readTree(Path.of(args[0]).toFile());
        Set<String> models = new java.util.LinkedHashSet<>(List.of(args[3].trim().split("\\s*,\\s*")));
        ModelGenerator generator = new ModelGenerator(document, args[2], models);
        Path folder = Path.of(args[1]).resolve(args[2].replace('.', '/'));
        Files.createDirectories(folder);
        for (Map.Entry<String, String> source : generator.generate().entrySet()) {
            Files.writeString(folder.resolve(source.getKey() + ".java"), source.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Every model's source, by class name. */
    Map<String, String> generate() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String model : models) {
            sources.put(model, generate(model));
        }
        return sources;
    }

    /** A property the SDK types: its JSON name, Java type, how it is read, whether required, and its doc. */
    record Field(String json, String type, String read, boolean required, String doc, Kind kind) {
        String java() {
            return camel(json);
        }
    }

    enum Kind { SCALAR, MODEL, MODEL_LIST, STRING_LIST, STRING_MAP }

    private String generate(String model) {
        JsonNode schema = schemas.get(model);
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<Field> fields = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            Field field = field(p.getKey(), p.getValue(), required.contains(p.getKey()));
            if (field != null) {
                fields.add(field);
            }
        });
        return render(model, javadoc(schema.path("description").asText(model)), requestSchemas.contains(model),
                fields);
    }

    /** The field a property becomes, or null for one the SDK leaves to {@code _json()} (nested shapes). */
    private Field field(String name, JsonNode property, boolean required) {
        String doc = javadoc(property.path("description").asText(""));
        JsonNode type = property;
        if (property.has("anyOf")) {
            type = nonNull(property.get("anyOf"));
        }
        if (type == null) {
            return null;
        }
        String ref = type.path("$ref").asText("");
        if (ref.equals(REF + "DecimalString") || type.has("oneOf") && isDecimal(type.get("oneOf"))) {
            return new Field(name, "java.math.BigDecimal", "decimal", required, doc, Kind.SCALAR);
        }
        if (ref.startsWith(REF)) {
            String target = ref.substring(REF.length());
            return models.contains(target)
                    ? new Field(name, target, target, required, doc, Kind.MODEL) : null;
        }
        String kind = primaryType(type.path("type"));
        String format = type.path("format").asText("");
        switch (kind) {
            case "string":
                return switch (format) {
                    case "date-time" -> new Field(name, "java.time.OffsetDateTime", "dateTime", required, doc,
                            Kind.SCALAR);
                    case "date" -> new Field(name, "java.time.LocalDate", "date", required, doc, Kind.SCALAR);
                    default -> new Field(name, "String", "string", required, doc, Kind.SCALAR);
                };
            case "integer":
                return format.equals("int64")
                        ? new Field(name, "Long", "longValue", required, doc, Kind.SCALAR)
                        : new Field(name, "Integer", "integer", required, doc, Kind.SCALAR);
            case "number":
                return new Field(name, "java.math.BigDecimal", "decimal", required, doc, Kind.SCALAR);
            case "boolean":
                return new Field(name, "Boolean", "bool", required, doc, Kind.SCALAR);
            case "array": {
                JsonNode items = type.path("items");
                String itemRef = items.path("$ref").asText("");
                if (itemRef.startsWith(REF) && models.contains(itemRef.substring(REF.length()))) {
                    String target = itemRef.substring(REF.length());
                    return new Field(name, "java.util.List<" + target + ">", target, required, doc, Kind.MODEL_LIST);
                }
                if (primaryType(items.path("type")).equals("string")) {
                    return new Field(name, "java.util.List<String>", "", required, doc, Kind.STRING_LIST);
                }
                return null;
            }
            case "object":
                if (type.path("additionalProperties").isObject() && !type.has("properties")) {
                    return new Field(name, "java.util.Map<String, String>", "", required, doc, Kind.STRING_MAP);
                }
                return null;
            default:
                return null;
        }
    }

    private static JsonNode nonNull(JsonNode anyOf) {
        for (JsonNode option : anyOf) {
            if (!option.path("type").asText("").equals("null")) {
                return option;
            }
        }
        return null;
    }

    private static boolean isDecimal(JsonNode oneOf) {
        for (JsonNode option : oneOf) {
            if (option.path("$ref").asText("").equals(REF + "DecimalString")) {
                return true;
            }
        }
        return false;
    }

    /** A schema's type without {@code null}: {@code [string, 'null']} is a string that may be null. */
    private static String primaryType(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        return type.asText("");
    }

    /** The schemas a request body refers to, directly or through others: their builders check what is required. */
    private Set<String> reachableFromRequestBodies(JsonNode document) {
        Set<String> seen = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        document.path("paths").forEach(item -> item.forEach(op -> pending.add(op.path("requestBody"))));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            String ref = node.path("$ref").asText("");
            if (ref.startsWith(REF) && seen.add(ref.substring(REF.length()))) {
                pending.add(schemas.path(ref.substring(REF.length())));
            }
            if (node.isContainerNode()) {
                node.forEach(pending::add);
            }
        }
        return seen;
    }

    static String camel(String name) {
        String[] parts = name.split("_");
        if (parts.length == 1) {
            return Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
        }
        return out.toString();
    }

    /** Markdown's {@code `code`} as Javadoc's, with what Javadoc would read as markup escaped. */
    static String javadoc(String text) {
        String escaped = text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;");
        return escaped.replaceAll("`([^`]*)`", "{@code $1}");
    }

    private String render(String model, String doc, boolean validate, List<Field> fields) {
        StringBuilder known = new StringBuilder();
        for (Field f : fields) {
            known.append(known.length() == 0 ? "" : ", ").append('"').append(f.json()).append('"');
        }
        StringBuilder out = new StringBuilder();
        out.append("// Generated from openapi/paygo.yaml (components.schemas.").append(model)
                .append(") by paygo-codegen: edit the document, not this file.\n")
                .append("package ").append(packageName).append(";\n\n")
                .append("import com.fasterxml.jackson.databind.node.ObjectNode;\nimport java.util.Set;\n\n")
                .append("/** ").append(doc).append(" */\n")
                .append("public final class ").append(model).append(" extends JsonModel {\n")
                .append("    private static final Set<String> KNOWN = Set.of(").append(known).append(");\n");
        for (Field f : fields) {
            out.append("    private final ").append(f.type()).append(' ').append(f.java()).append(";\n");
        }
        out.append("\n    private ").append(model).append("(ObjectNode json) {\n        super(json);\n");
        for (Field f : fields) {
            out.append("        this.").append(f.java()).append(" = ").append(parse(f)).append(";\n");
        }
        out.append("    }\n\n")
                .append("    /** Reads a model from its JSON object, each field once; unknown fields are kept. */\n")
                .append("    public static ").append(model).append(" fromJson(ObjectNode json) {\n")
                .append("        return new ").append(model).append("(json);\n    }\n\n")
                .append("    public static Builder builder() {\n")
                .append("        return new Builder(new com.fasterxml.jackson.databind.node.ObjectNode(\n")
                .append("                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance));\n    }\n\n")
                .append("    public Builder toBuilder() {\n        return new Builder(_json());\n    }\n\n")
                .append("    @Override\n    protected Set<String> knownFields() {\n        return KNOWN;\n    }\n");
        for (Field f : fields) {
            out.append('\n').append(getter(f));
        }
        out.append("\n    /** Builds a {@link ").append(model).append("}; not thread-safe. */\n")
                .append("    public static final class Builder extends JsonModel.Builder<Builder> {\n")
                .append("        private Builder(ObjectNode json) {\n            super(json);\n        }\n");
        for (Field f : fields) {
            out.append("\n        public Builder ").append(f.java()).append('(').append(f.type())
                    .append(" value) {\n            return put(\"").append(f.json()).append("\", value);\n        }\n");
        }
        out.append("\n        public ").append(model).append(" build() {\n");
        if (validate) {
            for (Field f : fields) {
                if (f.required()) {
                    out.append("            if (!json.hasNonNull(\"").append(f.json()).append("\")) {\n")
                            .append("                throw new IllegalStateException(\"").append(model).append(": ")
                            .append(f.java()).append(" is required\");\n            }\n");
                }
            }
        }
        out.append("            return new ").append(model).append("(json);\n        }\n    }\n}\n");
        return out.toString();
    }

    /** How the constructor reads a field: null when absent (lists and maps: empty). */
    private static String parse(Field f) {
        return switch (f.kind()) {
            case SCALAR -> f.read() + "(\"" + f.json() + "\").orElse(null)";
            case MODEL -> "object(\"" + f.json() + "\", " + f.read() + "::fromJson).orElse(null)";
            case MODEL_LIST -> "list(\"" + f.json() + "\", " + f.read() + "::fromJson)";
            case STRING_LIST -> "strings(\"" + f.json() + "\")";
            case STRING_MAP -> "stringMap(\"" + f.json() + "\")";
        };
    }

    private static String getter(Field f) {
        String doc = f.doc().isEmpty() ? "" : "    /** " + f.doc() + (f.doc().endsWith(".") ? "" : ".") + " */\n";
        boolean collection = f.kind() == Kind.MODEL_LIST || f.kind() == Kind.STRING_LIST
                || f.kind() == Kind.STRING_MAP;
        if (collection) {
            return doc + "    public " + f.type() + ' ' + f.java() + "() {\n        return " + f.java() + ";\n    }\n";
        }
        if (f.required()) {
            return doc + "    public " + f.type() + ' ' + f.java() + "() {\n        return required(\"" + f.json()
                    + "\", " + f.java() + ");\n    }\n";
        }
        return doc + "    public java.util.Optional<" + f.type() + "> " + f.java()
                + "() {\n        return java.util.Optional.ofNullable(" + f.java() + ");\n    }\n";
    }
}
