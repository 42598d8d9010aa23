package dev.paygo.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * paygo's OpenAPI 3.1 document ({@code openapi/paygo.yaml} in the repository, packed into the jar): the one contract
 * of the API, read once at start-up and kept as the bytes it is served with.
 *
 * @param yaml the document as written
 * @param json the same document as JSON
 */
public record ApiDocument(byte[] yaml, byte[] json) {
    /** Where the document lies on the classpath. */
    public static final String RESOURCE = "/openapi/paygo.yaml";

    /** Reads the document from the jar; a jar without it, or with a broken one, does not start. */
    public static ApiDocument load() {
        try (InputStream in = ApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            byte[] yaml = in.readAllBytes();
            return new ApiDocument(yaml, new ObjectMapper().writeValueAsBytes(tree(yaml)));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document could not be read", e);
        }
    }

    /** The document as a JSON tree. */
    public JsonNode tree() {
        try {
            return tree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] yaml) throws IOException {
        return new YAMLMapper().readTree(yaml);
    }
}
