package dev.paygo.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A value of a catalog file with where it was written — its line and its path such as
 * {@code metrics[0].versions[1].block_size} — so a check made after binding names the line, as one made by the
 * parser does. Jackson binds it around any type (see {@link Reader}); a value that could not be read is null, its
 * problem already recorded by {@link CatalogProblems}.
 */
@JsonDeserialize(using = Located.Reader.class)
record Located<T>(T value, int line, String path) {

    /** "line 12: metrics[0].name must ...": a problem with this value. */
    String problem(String message) {
        return at(line, path, message);
    }

    static String at(int line, String path, String message) {
        return "line " + line + ": " + (path.isEmpty() ? "" : path + " ") + message;
    }

    /** Where the parser's current value is: its line and its path from the document's root. */
    static Located<Void> where(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            context = context.getParent();  // the value's own context holds its contents; its place is the parent's
        }
        Deque<String> segments = new ArrayDeque<>();
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray() && context.getCurrentIndex() >= 0) {
                segments.addFirst("[" + context.getCurrentIndex() + "]");
            } else if (context.inObject() && context.getCurrentName() != null) {
                segments.addFirst("." + context.getCurrentName());
            }
        }
        String path = String.join("", segments);
        return new Located<>(null, parser.currentTokenLocation().getLineNr(), path.startsWith(".") ? path.substring(1)
                : path);
    }

    /** Binds the wrapped type with its own deserializer and records where its value starts. */
    static final class Reader extends JsonDeserializer<Located<?>> implements ContextualDeserializer {
        private final JsonDeserializer<Object> values;

        Reader() {
            this(null);
        }

        private Reader(JsonDeserializer<Object> values) {
            this.values = values;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JavaType type = ctxt.getContextualType();
            JavaType wrapped = type == null || type.containedTypeCount() == 0 ? ctxt.constructType(Object.class)
                    : type.containedType(0);
            return new Reader(ctxt.findContextualValueDeserializer(wrapped, property));
        }

        @Override
        public Located<?> deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            Located<Void> where = where(parser);
            Deque<String> paths = paths(ctxt);
            paths.push(where.path());
            try {
                return new Located<>(values.deserialize(parser, ctxt), where.line(), where.path());
            } finally {
                paths.pop();
            }
        }

        /** The path of the value being read right now (the root's is empty). */
        static String enclosing(DeserializationContext ctxt) {
            return paths(ctxt).isEmpty() ? "" : paths(ctxt).peek();
        }

        @SuppressWarnings("unchecked")
        private static Deque<String> paths(DeserializationContext ctxt) {
            Deque<String> paths = (Deque<String>) ctxt.getAttribute(Reader.class);
            if (paths == null) {
                paths = new ArrayDeque<>();
                ctxt.setAttribute(Reader.class, paths);
            }
            return paths;
        }
    }
}
