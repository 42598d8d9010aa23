package dev.paygo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygo.catalog.CatalogLoader;
import dev.paygo.http.Envelope;
import dev.paygo.http.Json;
import dev.paygo.period.BillingPeriods;
import dev.paygo.rating.Rater;
import dev.paygo.rating.UsageRecord;
import dev.paygo.usage.DailyUsage;
import dev.paygo.usage.IncomingEvent;
import dev.paygo.usage.UsageEventReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JSON on the hot paths: decoding a 1,000-event ingestion body, encoding a 31-day x 50-metric answer. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonBench {
    private ObjectMapper mapper;
    private byte[] eventsBody;
    private Envelope records;

    @Setup
    public void setUp() {
        mapper = Json.create();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"evt-").append(i)
                    .append("\",\"metric\":\"workers.requests\",\"quantity\":").append(1 + i % 977)
                    .append(",\"timestamp\":\"2025-03-0").append(1 + i % 9).append("T12:34:56Z\"}");
        }
        eventsBody = body.append(']').toString().getBytes(StandardCharsets.UTF_8);
        var catalog = CatalogLoader.loadDefault();
        List<DailyUsage> usage = new ArrayList<>();
        LocalDate from = LocalDate.parse("2025-03-01");
        catalog.listMetrics().stream().filter(m -> m.availableFrom().isBefore(from)).limit(QueryLoad.METRICS)
                .forEach(m -> {
                    for (int d = 0; d < 31; d++) {
                        usage.add(new DailyUsage(m.id(), from.plusDays(d), new BigDecimal("98765.4321"), 1));
                    }
                });
        List<UsageRecord> rated = Rater.rate(catalog, java.util.Currency.getInstance("USD"), new BillingPeriods(Instant.parse("2025-01-01T00:00:00Z")),
                usage, from, from.plusDays(30));
        // What /billing/usage/paygo encodes: the records in their wire shape.
        var account = new dev.paygo.account.Account("0123456789abcdef0123456789abcdef", "Bench", "USD",
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
        records = Envelope.ok(rated.stream().map(r -> dev.paygo.rating.UsageRecordsController.SeedRecord.of(r, account))
                .toList());
    }

    @Benchmark
    public List<IncomingEvent> decode1000Events() {
        return new UsageEventReader(mapper, 10_000, Optional.of("0123456789abcdef0123456789abcdef"))
                .read(eventsBody, "application/json");
    }

    @Benchmark
    public byte[] encode1550Records() throws Exception {
        return mapper.writeValueAsBytes(records);
    }
}
