package dev.paygo.focus;

import dev.paygo.error.Problems;
import java.util.Locale;

/** The file formats of a FOCUS export. */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    PARQUET("application/vnd.apache.parquet", "parquet");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The format named by {@code format} (400 / 1183 when missing or unknown). */
    public static ExportFormat parse(String value) {
        if (value != null) {
            for (ExportFormat f : values()) {
                if (f.extension.equals(value.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
        }
        Problems problems = new Problems();
        problems.addQuery("format", "must be csv or parquet");
        problems.throwIfAny();
        throw new IllegalStateException("unreachable");
    }
}
