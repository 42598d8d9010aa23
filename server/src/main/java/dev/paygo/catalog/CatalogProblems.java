package dev.paygo.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Jackson could not bind in a catalog file — an unknown field, a value of the wrong kind, an unreadable
 * decimal, date or choice — collected with its line instead of stopping at the first, so one attempt reports every
 * problem. The value is then read as null and the binding goes on.
 */
final class CatalogProblems extends DeserializationProblemHandler {
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private final List<String> problems = new ArrayList<>();
    private Map<String, Integer> keyLines = Map.of();

    /** The line of every key by its path, for problems found where Jackson kept no position. */
    void keyLines(Map<String, Integer> lines) {
        this.keyLines = lines;
    }

    List<String> list() {
        return problems;
    }

    /** The problems in the order of their lines ("line 12: ..."), as a reader goes through the file. */
    List<String> byLine() {
        return problems.stream().sorted(java.util.Comparator.comparingInt(
                (String problem) -> Integer.parseInt(problem.substring("line ".length(), problem.indexOf(':'))))).toList();
    }

    void add(String problem) {
        problems.add(problem);
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser parser, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
        // Jackson reads a record's unknown fields after the record, from a buffer that keeps no lines: the path is
        // the record's own and the key's line is looked up by it.
        String owner = Located.Reader.enclosing(ctxt);
        String path = owner.isEmpty() ? propertyName : owner + "." + propertyName;
        problems.add(Located.at(keyLines.getOrDefault(path, 0), path, "is not a known field (known: " + known(type)
                + ")"));
        parser.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
            String failureMsg) {
        problems.add(Located.where(ctxt.getParser()).problem(expected(targetType) + ", not '" + value + "'"));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
            String failureMsg) {
        problems.add(Located.where(ctxt.getParser()).problem(expected(targetType) + ", not " + value));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
            JsonParser parser, String failureMsg) throws IOException {
        problems.add(Located.where(parser).problem(expected(targetType.getRawClass())));
        parser.skipChildren();
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> type, ValueInstantiator instantiator,
            JsonParser parser, String msg) throws IOException {
        problems.add(Located.where(parser).problem(expected(type)));
        parser.skipChildren();
        return null;
    }

    /** What a value of {@code type} must be, as the catalog's messages say it. */
    static String expected(Class<?> type) {
        if (Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (type.isRecord()) {
            return "must be a mapping of fields";
        }
        if (type == BigDecimal.class) {
            return "must be a decimal number";
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2025-01-01";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(v -> ((Enum<?>) v).name().toLowerCase(Locale.ROOT)).toList();
        }
        return "must be a non-empty value";
    }

    /** The fields a record of the file takes, as written in the file. */
    private static String known(Class<?> type) {
        if (!type.isRecord()) {
            return "none";
        }
        return String.join(", ", Arrays.stream(type.getRecordComponents())
                .map(component -> SNAKE_CASE.translate(component.getName())).sorted().toList());
    }
}
