package dev.paygo.demo;

import dev.paygo.usage.IncomingEvent;
import dev.paygo.usage.Tags;
import dev.paygo.usage.UsageEvent;
import dev.paygo.usage.UsageService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sixty days of believable usage for the demo account, each day's events from two zones (a shop and an API) and
 * one untagged source, tagged by team and environment, across Workers, R2, KV, D1, Durable Objects and
 * Workers AI: daily volumes that exhaust each allowance part-way through a billing period, quieter weekends,
 * and a deterministic wobble. Event ids are derived from the day and metric, so loading it again (every
 * {@code serve --demo}) adds only the days that are new.
 */
final class DemoUsage {
    static final int DAYS = 60;
    private static final int EVENTS_PER_DAY = 3;

    /** A metric and its typical daily consumption (scale = decimal places kept). */
    private record Profile(String metric, BigDecimal daily, int scale) {
    }

    private static final List<Profile> PROFILES = List.of(
            new Profile("workers.requests", new BigDecimal("620000"), 0),
            new Profile("workers.cpu_ms", new BigDecimal("2400000"), 0),
            new Profile("r2.standard.storage", new BigDecimal("0.65"), 6),
            new Profile("r2.standard.class_a", new BigDecimal("75000"), 0),
            new Profile("r2.standard.class_b", new BigDecimal("480000"), 0),
            new Profile("kv.keys_read", new BigDecimal("390000"), 0),
            new Profile("kv.keys_written", new BigDecimal("41000"), 0),
            new Profile("d1.rows_read", new BigDecimal("1150000000"), 0),
            new Profile("d1.rows_written", new BigDecimal("2100000"), 0),
            new Profile("durable_objects.requests", new BigDecimal("52000"), 0),
            new Profile("durable_objects.duration", new BigDecimal("21000"), 3),
            new Profile("workers_ai.neurons", new BigDecimal("11000"), 0));

    /** Where each of a day's three events comes from: a zone (or none) and its cost-allocation tags. */
    private record Source(Optional<String> zoneId, Tags tags) {
    }

    /** The demo's two zones, named by {@link DemoData}. */
    static final String SHOP_ZONE = "9a7806061c88ada191ed06f989cc3dac";
    static final String API_ZONE = "d5a2b3c4e5f60718293a4b5c6d7e8f90";

    private static final List<Source> SOURCES = List.of(
            new Source(Optional.of(SHOP_ZONE), tags("storefront", "prod")),
            new Source(Optional.of(API_ZONE), tags("platform", "prod")),
            new Source(Optional.empty(), tags("data", "staging")));

    private DemoUsage() {
    }

    private static Tags tags(String team, String env) {
        return new Tags(new java.util.TreeMap<>(java.util.Map.of("team", team, "env", env)));
    }

    /** Loads the days up to today that are not stored yet; returns how many events were new. */
    static int load(UsageService usage, String accountId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<IncomingEvent> events = new ArrayList<>();
        for (LocalDate day = today.minusDays(DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
            for (Profile profile : PROFILES) {
                BigDecimal total = volume(profile, day);
                BigDecimal part = total.divide(BigDecimal.valueOf(EVENTS_PER_DAY), profile.scale(), RoundingMode.DOWN);
                for (int i = 0; i < EVENTS_PER_DAY; i++) {
                    BigDecimal quantity = i == EVENTS_PER_DAY - 1
                            ? total.subtract(part.multiply(BigDecimal.valueOf(EVENTS_PER_DAY - 1))) : part;
                    Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(4L + 7L * i));
                    if (at.isAfter(now)) {
                        continue;
                    }
                    String id = "demo-" + day + "-" + profile.metric() + "-" + i;
                    Source source = SOURCES.get(i);
                    events.add(new IncomingEvent(new UsageEvent(accountId, id, profile.metric(), quantity, at,
                            source.zoneId(), source.tags()), "/" + events.size(), false));
                }
            }
        }
        return usage.backfill(events).accepted();
    }

    /** The day's volume: the typical one, 45% lower at weekends, times a steady 85%-124% wobble. */
    private static BigDecimal volume(Profile profile, LocalDate day) {
        long seed = day.toEpochDay() * 31 + profile.metric().hashCode();
        long wobble = 85 + Math.floorMod(seed * 2654435761L, 40);
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        BigDecimal factor = BigDecimal.valueOf(weekend ? wobble * 55 : wobble * 100, 4);
        return profile.daily().multiply(factor).setScale(profile.scale(), RoundingMode.HALF_EVEN);
    }
}
