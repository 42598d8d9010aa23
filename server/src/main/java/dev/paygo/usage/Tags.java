package dev.paygo.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.error.Problems;
import dev.paygo.json.JsonFields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The tags of a usage event, for cost allocation: at most {@value #MAX_TAGS} keys of 1 to {@value #MAX_KEY}
 * characters ({@code A-Z a-z 0-9 _ . : / -}, starting with a letter or digit), each with a string value of at most
 * {@value #MAX_VALUE} characters or {@code true} (a key-only tag, as Cloudflare's FOCUS {@code Tags} show them).
 * Kept sorted by key, so equal tag sets have one canonical JSON form. Immutable.
 *
 * @param values the tags; a key-only tag has the value {@link #KEY_ONLY}
 */
public record Tags(SortedMap<String, String> values) {
    public static final int MAX_TAGS = 10;
    public static final int MAX_KEY = 64;
    public static final int MAX_VALUE = 256;
    /** Stands for a key-only tag ({@code true} on the wire); a NUL cannot be a tag value. */
    public static final String KEY_ONLY = "\0";
    public static final Tags NONE = new Tags(new TreeMap<>());
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0," + (MAX_KEY - 1) + "}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public Tags {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The value of {@code key}: a string, {@link #KEY_ONLY}, or empty when the event lacks the key. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Reads a {@code tags} object, recording each problem at its pointer; empty tags when absent or null. */
    public static Tags read(JsonNode node, String pointer, Problems problems) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!node.isObject()) {
            problems.add(pointer, "must be an object of tag keys to string values (or true for a key-only tag)");
            return NONE;
        }
        if (node.size() > MAX_TAGS) {
            problems.add(pointer, "must hold at most " + MAX_TAGS + " tags, not " + node.size());
            return NONE;
        }
        TreeMap<String, String> values = new TreeMap<>();
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            String at = pointer + "/" + tag.getKey().replace("~", "~0").replace("/", "~1");
            if (!KEY.matcher(tag.getKey()).matches()) {
                problems.add(at, "is not a valid tag key: 1 to " + MAX_KEY + " characters of A-Z a-z 0-9 _ . : / -, "
                        + "starting with a letter or digit");
                ok = false;
            } else if (tag.getValue().isBoolean() && tag.getValue().booleanValue()) {
                values.put(tag.getKey(), KEY_ONLY);
            } else if (!tag.getValue().isTextual()) {
                problems.add(at, "must be a string (or true for a key-only tag)");
                ok = false;
            } else if (tag.getValue().textValue().length() > MAX_VALUE) {
                problems.add(at, "must be at most " + MAX_VALUE + " characters");
                ok = false;
            } else if (!JsonFields.isPlainText(tag.getValue().textValue())) {
                problems.add(at, "must not contain control characters or unpaired surrogates");
                ok = false;
            } else {
                values.put(tag.getKey(), tag.getValue().textValue());
            }
        }
        return ok ? new Tags(values) : NONE;
    }

    /** The canonical JSON (keys sorted, compact, key-only tags as {@code true}), or null when there are no tags. */
    public String toJson() {
        if (values.isEmpty()) {
            return null;
        }
        Map<String, Object> wire = new TreeMap<>();
        values.forEach((k, v) -> wire.put(k, KEY_ONLY.equals(v) ? Boolean.TRUE : v));
        try {
            return JSON.writeValueAsString(wire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags are plain strings", e);
        }
    }

    /** Tags from their canonical JSON (null: none). */
    public static Tags fromJson(String json) {
        if (json == null) {
            return NONE;
        }
        try {
            TreeMap<String, String> values = new TreeMap<>();
            JSON.readTree(json).fields().forEachRemaining(e -> values.put(e.getKey(),
                    e.getValue().isBoolean() ? KEY_ONLY : e.getValue().textValue()));
            return new Tags(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags are unreadable", e);
        }
    }

    /**
     * The key of an allocation group: a SHA-256 of the zone and the canonical tags, so the primary key stays short
     * whatever the tags hold.
     */
    static String groupKey(String zoneId, String tagsJson) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((zoneId == null ? "" : zoneId).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            if (tagsJson != null) {
                digest.update(tagsJson.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
