package dev.paygo.focus;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writes FOCUS records as CSV (RFC 4180, a header row, UTF-8): decimals as plain decimal text, timestamps as RFC
 * 3339 UTC, an empty cell for null. Streams: nothing is held but the current row.
 */
final class FocusCsv implements FocusWriter {
    private static final CsvMapper MAPPER = new CsvMapper();

    private final SequenceWriter writer;

    FocusCsv(OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        FocusColumns.ALL.forEach(c -> schema.addColumn(c.name()));
        this.writer = MAPPER.writerFor(String[].class).with(schema.build()).writeValues(out);
    }

    @Override
    public void write(FocusRecord record) {
        String[] row = new String[FocusColumns.ALL.size()];
        for (int i = 0; i < row.length; i++) {
            Object value = FocusColumns.ALL.get(i).value().apply(record);
            row[i] = value == null ? "" : value instanceof BigDecimal d ? d.toPlainString()
                    : value instanceof LocalDate day ? FocusJson.timestamp(day) : value.toString();
        }
        try {
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
