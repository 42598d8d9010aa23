package dev.paygo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ingestion measured as a benchmark should be: a warm-up round first (the JIT compiles the hot path; its numbers
 * are not reported, but its totals must verify too), then several measured rounds, of which the median is
 * reported with the spread. On two shared cores one round varies by tens of percent with what the JIT and the
 * scheduler do; one round would report that noise. Each round also records the server's CPU time per event
 * received, which does not depend on how the cores were shared.
 */
record IngestRounds(int warmUpSeconds, int roundSeconds, List<Round> rounds, boolean warmUpVerified) {

    /** One measured round and the server CPU it took per event received (new or repeated). */
    record Round(IngestLoad.Result load, double serverCpuMicrosPerEvent) {
    }

    static IngestRounds run(ServerProcess server, int warmUpSeconds, int rounds, int seconds) throws Exception {
        return run(server, warmUpSeconds, rounds, seconds, false);
    }

    /** @param tagged whether every event carries a zone and two cost-allocation tags */
    static IngestRounds run(ServerProcess server, int warmUpSeconds, int rounds, int seconds, boolean tagged)
            throws Exception {
        IngestLoad.Result warmUp = IngestLoad.run(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, 8, 1000,
                warmUpSeconds, 20, tagged);
        List<Round> measured = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Duration before = server.cpuTime();
            IngestLoad.Result load = IngestLoad.run(server.baseUrl(), ServerProcess.OPERATOR_TOKEN, 8, 1000, seconds,
                    20, tagged);
            Duration cpu = server.cpuTime().minus(before);
            measured.add(new Round(load, cpu.toNanos() / 1000.0 / (load.events() + load.duplicatesSent())));
        }
        return new IngestRounds(warmUpSeconds, seconds, measured, warmUp.verified());
    }

    /** The round of median throughput. */
    Round median() {
        List<Round> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(r -> r.load().eventsPerSecond()));
        return sorted.get(sorted.size() / 2);
    }

    double slowest() {
        return rounds.stream().mapToDouble(r -> r.load().eventsPerSecond()).min().orElse(0);
    }

    double fastest() {
        return rounds.stream().mapToDouble(r -> r.load().eventsPerSecond()).max().orElse(0);
    }

    /** Whether every round, and the warm-up, stored exactly what was acknowledged, without errors. */
    boolean verified() {
        return warmUpVerified && rounds.stream().allMatch(r -> r.load().verified());
    }
}
