package dev.paygo.focus;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes FOCUS records as one Parquet file: strings as UTF-8 {@code BINARY (STRING)}, decimals as
 * {@code DECIMAL(38, 18)} in 16-byte fixed arrays (exact, never floats), timestamps as {@code INT64
 * TIMESTAMP(MILLIS, UTC)}; every column nullable. Dictionary and RLE encoded, uncompressed (see the parent POM on
 * why). Memory is bounded by one row group ({@value #ROW_GROUP_BYTES} bytes), whatever the number of rows.
 */
final class FocusParquet implements FocusWriter {
    static final int ROW_GROUP_BYTES = 4 * 1024 * 1024;
    static final MessageType SCHEMA = schema();
    private static final int DECIMAL_BYTES = 16;

    private final ParquetWriter<FocusRecord> writer;

    FocusParquet(OutputStream out) throws IOException {
        this.writer = new Builder(new StreamFile(out)).withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withRowGroupSize(ROW_GROUP_BYTES)
                .withDictionaryEncoding(true).build();
    }

    @Override
    public void write(FocusRecord record) {
        try {
            writer.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static MessageType schema() {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (FocusColumns.Column column : FocusColumns.ALL) {
            switch (column.type()) {
                case STRING -> message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(column.name());
                case DECIMAL -> message.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(DECIMAL_BYTES)
                        .as(LogicalTypeAnnotation.decimalType(FocusColumns.DECIMAL_SCALE,
                                FocusColumns.DECIMAL_PRECISION)).named(column.name());
                case TIMESTAMP -> message.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
                        .named(column.name());
            }
        }
        return message.named("focus_cost_and_usage");
    }

    /** A decimal's unscaled value at the export's scale, as a 16-byte big-endian two's complement. */
    static Binary decimal(BigDecimal value) {
        byte[] unscaled = FocusColumns.scaled(value).unscaledValue().toByteArray();
        if (unscaled.length > DECIMAL_BYTES) {
            throw new IllegalArgumentException(value + " does not fit DECIMAL(38, 18)");
        }
        byte[] fixed = new byte[DECIMAL_BYTES];
        byte pad = (byte) (value.signum() < 0 ? 0xff : 0);
        for (int i = 0; i < DECIMAL_BYTES - unscaled.length; i++) {
            fixed[i] = pad;
        }
        System.arraycopy(unscaled, 0, fixed, DECIMAL_BYTES - unscaled.length, unscaled.length);
        return Binary.fromConstantByteArray(fixed);
    }

    /** Turns a record into Parquet's column values. */
    private static final class Support extends WriteSupport<FocusRecord> {
        private RecordConsumer consumer;

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, Map.of("writer.model.name", "paygo-focus"));
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(SCHEMA, Map.of("writer.model.name", "paygo-focus"));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(FocusRecord record) {
            consumer.startMessage();
            for (int i = 0; i < FocusColumns.ALL.size(); i++) {
                FocusColumns.Column column = FocusColumns.ALL.get(i);
                Object value = column.value().apply(record);
                if (value == null) {
                    continue;
                }
                consumer.startField(column.name(), i);
                switch (column.type()) {
                    case STRING -> consumer.addBinary(Binary.fromString((String) value));
                    case DECIMAL -> consumer.addBinary(decimal((BigDecimal) value));
                    case TIMESTAMP -> consumer.addLong(((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant()
                            .toEpochMilli());
                }
                consumer.endField(column.name(), i);
            }
            consumer.endMessage();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<FocusRecord, Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<FocusRecord> getWriteSupport(ParquetConfiguration configuration) {
            return new Support();
        }

        @Override
        protected WriteSupport<FocusRecord> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return new Support();
        }
    }

    /** A Parquet output file over a stream (an HTTP answer, a file): Parquet only appends, then writes its footer. */
    private static final class StreamFile implements OutputFile {
        private final OutputStream out;

        StreamFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
