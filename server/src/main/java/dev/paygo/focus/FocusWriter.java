package dev.paygo.focus;

import java.io.IOException;
import java.io.OutputStream;

/** Writes FOCUS records to a file format, one at a time (an export's body, or {@code paygo export focus}'s file). */
public interface FocusWriter extends AutoCloseable {
    void write(FocusRecord record);

    @Override
    void close() throws IOException;

    /** A writer of {@code format} onto {@code out}. */
    static FocusWriter open(ExportFormat format, OutputStream out) throws IOException {
        return format == ExportFormat.CSV ? new FocusCsv(out) : new FocusParquet(out);
    }
}
