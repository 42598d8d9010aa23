package dev.paygo.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.error.Problems;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object of a request body, recording every problem (with its JSON pointer)
 * in a shared {@link Problems} instead of stopping at the first. A getter returns empty both when the
 * field is absent and when it is invalid; call {@link Problems#throwIfAny()} once all fields are read.
 */
public final class JsonFields {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,18})?");
    private final ObjectNode node;
    private final String pointer;
    private final Problems problems;

    private JsonFields(ObjectNode node, String pointer, Problems problems) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
    }

    /** The body's top-level object; a body that is not an object is one problem, and reads as empty. */
    public static JsonFields root(JsonNode body, Problems problems) {
        return object(body, "", problems);
    }

    /** An object found at {@code pointer} of the body (an element of a streamed array, say). */
    public static JsonFields at(JsonNode value, String pointer, Problems problems) {
        return object(value, pointer, problems);
    }

    private static JsonFields object(JsonNode value, String pointer, Problems problems) {
        if (value instanceof ObjectNode objectNode) {
            return new JsonFields(objectNode, pointer, problems);
        }
        problems.add(pointer, "must be a JSON object");
        return new JsonFields(new ObjectNode(null), pointer, problems);
    }

    public Problems problems() {
        return problems;
    }

    public String pointer(String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** Records a problem for every field whose name is not in {@code known}. */
    public JsonFields allowOnly(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(pointer(name), "is not a known field");
            }
        }
        return this;
    }

    public boolean has(String name) {
        return node.has(name);
    }

    /** True when the field is present with an explicit JSON {@code null}. */
    public boolean isNull(String name) {
        return node.has(name) && node.get(name).isNull();
    }

    public Optional<String> string(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problems.add(pointer(name), "must be a string");
            return Optional.empty();
        }
        String text = value.textValue();
        if (text.length() > maxLength) {
            problems.add(pointer(name), "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        if (!isPlainText(text)) {
            problems.add(pointer(name), "must not contain control characters or unpaired surrogates");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** No control characters (NUL and friends break storage and logs) and well-formed UTF-16. */
    public static boolean isPlainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public Optional<String> string(String name, int maxLength, Pattern pattern, String expected) {
        Optional<String> text = string(name, maxLength);
        if (text.isPresent() && !pattern.matcher(text.get()).matches()) {
            problems.add(pointer(name), "must be " + expected);
            return Optional.empty();
        }
        return text;
    }

    public Optional<String> requiredString(String name, int maxLength) {
        if (!present(name)) {
            return Optional.empty();
        }
        Optional<String> text = string(name, maxLength);
        if (text.isPresent() && text.get().isBlank()) {
            problems.add(pointer(name), "must not be blank");
            return Optional.empty();
        }
        return text;
    }

    public Optional<Boolean> bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            problems.add(pointer(name), "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    public Optional<Integer> integer(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()
                || value.intValue() < min || value.intValue() > max) {
            problems.add(pointer(name), "must be a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /**
     * An exact decimal, as a JSON string of digits ({@code "12.30"}, how paygo writes amounts) or a JSON number
     * (read as a {@code BigDecimal}, never through a binary float).
     */
    public Optional<BigDecimal> decimal(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            // Bounded before any arithmetic: 1e999999999 is a short number whose digits would fill the heap.
            BigDecimal number = value.decimalValue();
            if (number.scale() <= 18 && number.precision() - number.scale() <= 18) {
                return Optional.of(number);
            }
        } else if (value.isTextual() && DECIMAL.matcher(value.textValue()).matches()) {
            return Optional.of(new BigDecimal(value.textValue()));
        }
        problems.add(pointer(name), "must be a decimal amount such as \"12.30\"");
        return Optional.empty();
    }

    /** A decimal that must be there: absent or {@code null} is "is required". */
    public Optional<BigDecimal> requiredDecimal(String name) {
        if (!present(name)) {
            return Optional.empty();
        }
        return decimal(name);
    }

    /** An RFC 3339 instant that must be there: absent or {@code null} is "is required". */
    public Optional<Instant> requiredInstant(String name) {
        if (!present(name)) {
            return Optional.empty();
        }
        return instant(name);
    }

    private boolean present(String name) {
        if (!node.has(name) || node.get(name).isNull()) {
            problems.add(pointer(name), "is required");
            return false;
        }
        return true;
    }

    /** An ISO date such as {@code 2025-01-15}. */
    public Optional<LocalDate> date(String name) {
        Optional<String> text = string(name, 10);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (text.get().length() == 10) {
                return Optional.of(LocalDate.parse(text.get()));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(pointer(name), "must be a date such as 2025-01-15");
        return Optional.empty();
    }

    /** An RFC 3339 instant such as {@code 2025-01-15T00:00:00Z}. */
    public Optional<Instant> instant(String name) {
        Optional<String> text = string(name, 64);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Rfc3339.parse(text.get()));
        } catch (DateTimeParseException e) {
            problems.add(pointer(name), "must be an RFC 3339 date-time such as 2025-01-15T00:00:00Z");
            return Optional.empty();
        }
    }

    /** The objects of an array field; a field that is not an array of objects is one problem. */
    public List<JsonFields> objects(String name, int minItems, int maxItems) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (minItems > 0) {
                problems.add(pointer(name), "is required");
            }
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(pointer(name), "must be an array");
            return List.of();
        }
        if (value.size() < minItems || value.size() > maxItems) {
            problems.add(pointer(name), "must have from " + minItems + " to " + maxItems + " items");
            return List.of();
        }
        List<JsonFields> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(object(value.get(i), pointer(name) + "/" + i, problems));
        }
        return items;
    }

    /** The strings of an array field; a field that is not an array of short strings is a problem per item. */
    public List<String> strings(String name, int minItems, int maxItems, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (minItems > 0) {
                problems.add(pointer(name), "is required");
            }
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(pointer(name), "must be an array of strings");
            return List.of();
        }
        if (value.size() < minItems || value.size() > maxItems) {
            problems.add(pointer(name), "must have from " + minItems + " to " + maxItems + " items");
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = pointer(name) + "/" + i;
            if (!item.isTextual()) {
                problems.add(at, "must be a string");
            } else if (item.textValue().length() > maxLength || !isPlainText(item.textValue())) {
                problems.add(at, "must be at most " + maxLength + " characters without control characters");
            } else {
                items.add(item.textValue());
            }
        }
        return items;
    }

    /** A nested object field, or empty when absent. */
    public Optional<JsonFields> object(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(object(value, pointer(name), problems));
    }

    /** The names of this object's fields, in document order. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public JsonNode raw(String name) {
        return node.get(name);
    }
}
