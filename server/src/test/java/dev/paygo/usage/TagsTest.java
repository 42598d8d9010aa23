package dev.paygo.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.error.Problems;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Tags' canonical JSON: compact, keys sorted, key-only tags as true, and read back to the same tags. */
class TagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 300)
    void canonicalJsonIsTheSortedCompactMapAndReadsBack(@ForAll @StringLength(min = 1, max = 12) String a,
                                            @ForAll @StringLength(max = 40) String valueA,
                                            @ForAll @StringLength(max = 40) String valueB) throws Exception {
        // A NUL stands for a key-only tag; the reader refuses control characters in values.
        Assume.that(!valueA.contains(Tags.KEY_ONLY) && !valueB.contains(Tags.KEY_ONLY));
        TreeMap<String, String> values = new TreeMap<>(Map.of("team", valueA, "z" + a.length(), valueB, "canary",
                Tags.KEY_ONLY));
        Tags tags = new Tags(values);
        TreeMap<String, Object> wire = new TreeMap<>(Map.of("team", valueA, "z" + a.length(), valueB, "canary", true));
        assertThat(tags.toJson()).isEqualTo(JSON.writeValueAsString(wire));
        assertThat(Tags.fromJson(tags.toJson())).isEqualTo(tags);
    }

    @Test
    void keyOnlyTagsAreTrueAndNoTagsAreNull() {
        Problems problems = new Problems();
        Tags tags = Tags.read(JSON.valueToTree(Map.of("b", "x\"y", "a", true)), "/0/tags", problems);
        assertThat(problems.isEmpty()).isTrue();
        assertThat(tags.toJson()).isEqualTo("{\"a\":true,\"b\":\"x\\\"y\"}");
        assertThat(Tags.NONE.toJson()).isNull();
    }
}
