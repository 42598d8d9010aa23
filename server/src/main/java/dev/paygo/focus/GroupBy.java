package dev.paygo.focus;

import dev.paygo.error.Problems;
import dev.paygo.usage.Tags;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a FOCUS query splits each day's record: by zone ({@code group_by=zone}) and by the values of tag keys
 * ({@code group_by=tag:team}, repeatable). No grouping leaves one record per metric and day.
 */
public record GroupBy(boolean zone, Set<String> tagKeys) {
    public static final GroupBy NONE = new GroupBy(false, Set.of());

    public GroupBy {
        tagKeys = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tagKeys));
    }

    public boolean isNone() {
        return !zone && tagKeys.isEmpty();
    }

    /** Reads the {@code group_by} query parameters (400 / 1183 naming a value that is neither). */
    public static GroupBy parse(List<String> values) {
        Problems problems = new Problems();
        boolean zone = false;
        Set<String> keys = new TreeSet<>();
        for (String value : values) {
            if (value.equals("zone")) {
                zone = true;
            } else if (value.startsWith("tag:") && Tags.KEY.matcher(value.substring(4)).matches()) {
                keys.add(value.substring(4));
            } else {
                problems.addQuery("group_by", "must be zone or tag:KEY (a tag key of 1 to " + Tags.MAX_KEY
                        + " characters A-Z a-z 0-9 _ . : / -), not '" + abbreviate(value) + "'");
            }
        }
        if (keys.size() > Tags.MAX_TAGS) {
            problems.addQuery("group_by", "may name at most " + Tags.MAX_TAGS + " tag keys");
        }
        problems.throwIfAny();
        return new GroupBy(zone, keys);
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
