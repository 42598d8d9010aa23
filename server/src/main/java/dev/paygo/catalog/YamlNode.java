package dev.paygo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a catalog file with its path and line, for validation messages that name the bad line. Numbers
 * are read from their text as exact decimals, never through a binary float. Problems are collected, not thrown.
 */
final class YamlNode {
    private final Node node;
    private final String path;
    private final List<String> problems;

    YamlNode(Node node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    void problem(String message) {
        problems.add("line " + line() + ": " + (path.isEmpty() ? "" : path + " ") + message);
    }

    private Map<String, YamlNode> fields() {
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                fields.put(key, new YamlNode(tuple.getValueNode(), path.isEmpty() ? key : path + "." + key, problems));
            }
        }
        return fields;
    }

    /** True when this value is a mapping (without recording a problem when it is not). */
    boolean isMappingValue() {
        return node instanceof MappingNode;
    }

    /** The fields of a mapping by key, in document order. */
    Map<String, YamlNode> fieldMap() {
        return fields();
    }

    boolean isMapping() {
        if (!(node instanceof MappingNode)) {
            problem("must be a mapping of fields");
            return false;
        }
        return true;
    }

    /** Records a problem for every unknown or repeated key of this mapping. */
    void allowOnly(Set<String> known) {
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new java.util.HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                if (!seen.add(key)) {
                    new YamlNode(tuple.getKeyNode(), path.isEmpty() ? key : path + "." + key, problems)
                            .problem("is given twice");
                } else if (!known.contains(key)) {
                    new YamlNode(tuple.getKeyNode(), path.isEmpty() ? key : path + "." + key, problems)
                            .problem("is not a known field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }
    }

    Optional<YamlNode> field(String name) {
        return Optional.ofNullable(fields().get(name));
    }

    Optional<YamlNode> required(String name) {
        Optional<YamlNode> field = field(name);
        if (field.isEmpty()) {
            problem("needs the field '" + name + "'");
        }
        return field;
    }

    List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            problem("must be a list");
            return List.of();
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new YamlNode(sequence.getValue().get(i), path + "[" + i + "]", problems));
        }
        return items;
    }

    Optional<String> text() {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            problem("must be a non-empty value");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue().strip());
    }

    boolean isNull() {
        return node instanceof ScalarNode scalar && (scalar.getValue().equals("null") || scalar.getValue().equals("~")
                || scalar.getValue().isEmpty());
    }

    Optional<BigDecimal> decimal() {
        return text().flatMap(t -> {
            try {
                return Optional.of(new BigDecimal(t));
            } catch (NumberFormatException e) {
                problem("must be a decimal number, not '" + t + "'");
                return Optional.empty();
            }
        });
    }

    Optional<LocalDate> date() {
        return text().flatMap(t -> {
            try {
                return Optional.of(LocalDate.parse(t));
            } catch (DateTimeParseException e) {
                problem("must be a date such as 2025-01-01, not '" + t + "'");
                return Optional.empty();
            }
        });
    }

    <E extends Enum<E>> Optional<E> choice(Class<E> type) {
        return text().flatMap(t -> {
            for (E value : type.getEnumConstants()) {
                if (value.name().equalsIgnoreCase(t)) {
                    return Optional.of(value);
                }
            }
            problem("must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList() + ", not '" + t + "'");
            return Optional.empty();
        });
    }
}
