package dev.paygo.client.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.errors.PaygoInvalidDataException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The base of every model: an immutable JSON object with typed getters. The models are generated from
 * {@code openapi/paygo.yaml} when the SDK is built (paygo-codegen); each reads its fields once, when it is made. Fields the SDK does not know (a newer
 * server's) are kept and readable through {@link #_additionalProperties()}; {@link #_json()} gives the whole
 * object. Money and quantities are exact {@link BigDecimal}s. Thread-safe.
 */
public abstract class JsonModel {
    private final ObjectNode json;

    protected JsonModel(ObjectNode json) {
        this.json = json.deepCopy();
    }

    /** The field names this model types; every other field is an additional property. */
    protected abstract Set<String> knownFields();

    /** A copy of the whole JSON object. */
    public ObjectNode _json() {
        return json.deepCopy();
    }

    /** The fields this SDK version does not know, by name (copies). */
    public Map<String, JsonNode> _additionalProperties() {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> {
            if (!knownFields().contains(e.getKey())) {
                extra.put(e.getKey(), e.getValue().deepCopy());
            }
        });
        return Collections.unmodifiableMap(extra);
    }

    private Optional<JsonNode> node(String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value);
    }

    protected Optional<String> string(String name) {
        return node(name).map(JsonNode::asText);
    }

    protected Optional<BigDecimal> decimal(String name) {
        return node(name).map(v -> {
            if (v.isNumber()) {
                return v.decimalValue();
            }
            try {
                return new BigDecimal(v.asText());
            } catch (NumberFormatException e) {
                throw new PaygoInvalidDataException(name + " is not a decimal: " + v);
            }
        });
    }

    protected Optional<Long> longValue(String name) {
        return decimal(name).map(d -> {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new PaygoInvalidDataException(name + " is not a whole number: " + d);
            }
        });
    }

    protected Optional<Integer> integer(String name) {
        return longValue(name).map(Math::toIntExact);
    }

    protected Optional<Boolean> bool(String name) {
        return node(name).map(v -> {
            if (!v.isBoolean()) {
                throw new PaygoInvalidDataException(name + " is not true or false: " + v);
            }
            return v.booleanValue();
        });
    }

    protected Optional<OffsetDateTime> dateTime(String name) {
        return string(name).map(t -> {
            try {
                return OffsetDateTime.parse(t);
            } catch (DateTimeParseException e) {
                throw new PaygoInvalidDataException(name + " is not an RFC 3339 date-time: " + t, e);
            }
        });
    }

    protected Optional<LocalDate> date(String name) {
        return string(name).map(t -> {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw new PaygoInvalidDataException(name + " is not a date: " + t, e);
            }
        });
    }

    protected <T> List<T> list(String name, Function<ObjectNode, T> element) {
        List<T> items = new ArrayList<>();
        node(name).ifPresent(v -> v.forEach(item -> {
            if (!item.isObject()) {
                throw new PaygoInvalidDataException(name + " holds a non-object: " + item);
            }
            items.add(element.apply((ObjectNode) item));
        }));
        return Collections.unmodifiableList(items);
    }

    protected <T> Optional<T> object(String name, Function<ObjectNode, T> reader) {
        return node(name).map(v -> {
            if (!v.isObject()) {
                throw new PaygoInvalidDataException(name + " is not an object: " + v);
            }
            return reader.apply((ObjectNode) v);
        });
    }

    protected List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        node(name).ifPresent(v -> v.forEach(e -> out.add(e.asText())));
        return Collections.unmodifiableList(out);
    }

    protected Map<String, String> stringMap(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        node(name).ifPresent(v -> v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText())));
        return Collections.unmodifiableMap(out);
    }

    /** A value the API always sends (read when the model was); its absence is invalid data. */
    protected <T> T required(String name, T value) {
        if (value == null) {
            throw new PaygoInvalidDataException(getClass().getSimpleName() + "." + name + " is missing from the answer");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((JsonModel) other).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + json;
    }

    /** The base of model builders: sets JSON fields; {@code null} removes one. Not thread-safe. */
    public abstract static class Builder<B extends Builder<B>> {
        protected final ObjectNode json;

        protected Builder(ObjectNode json) {
            this.json = json.deepCopy();
        }

        protected Builder() {
            this(JsonNodeFactory.instance.objectNode());
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        protected B put(String name, Object value) {
            if (value == null) {
                json.remove(name);
            } else if (value instanceof JsonNode node) {
                json.set(name, node);
            } else if (value instanceof JsonModel model) {
                json.set(name, model._json());
            } else if (value instanceof List<?> items) {
                ArrayNode array = json.putArray(name);
                for (Object item : items) {
                    array.add(item instanceof JsonModel m ? m._json()
                            : dev.paygo.client.core.ClientCore.MAPPER.valueToTree(item));
                }
            } else if (value instanceof BigDecimal d) {
                json.put(name, d);
            } else if (value instanceof OffsetDateTime dateTime) {
                json.put(name, dev.paygo.client.core.ClientCore.rfc3339(dateTime));
            } else if (value instanceof LocalDate) {
                json.put(name, value.toString());
            } else {
                json.set(name, dev.paygo.client.core.ClientCore.MAPPER.valueToTree(value));
            }
            return self();
        }

        /** Sets a field this SDK version does not type. */
        public B putAdditionalProperty(String name, JsonNode value) {
            json.set(name, value);
            return self();
        }
    }
}
