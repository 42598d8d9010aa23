package dev.paygo.invoice;

import dev.paygo.payment.Outcome;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a billing run did.
 *
 * @param invoicesIssued invoices issued by this run
 * @param paymentsAttempted payment attempts whose outcome this run recorded
 * @param payments those attempts by outcome ({@code succeeded}, {@code declined}, ...)
 * @param recovered attempts an earlier run left pending that this run finished
 * @param failures accounts or attempts that failed (logged; the next run tries them again)
 * @param complete false when the run lost its lock part-way (another node's run goes on)
 */
public record RunReport(Instant startedAt, Instant finishedAt, long invoicesIssued, long paymentsAttempted,
                        Map<String, Long> payments, long recovered, long failures, boolean complete) {
    public RunReport {
        payments = Map.copyOf(payments);
    }

    /** Counts as a run goes. Used by one thread. */
    static final class Tally {
        private final Instant startedAt;
        private final Map<Outcome, Long> payments = new EnumMap<>(Outcome.class);
        private long issued;
        private long recovered;
        private long failures;
        private boolean complete = true;

        Tally(Instant startedAt) {
            this.startedAt = startedAt;
        }

        void issued(int count) {
            issued += count;
        }

        void paid(Outcome outcome) {
            payments.merge(outcome, 1L, Long::sum);
        }

        void recovered() {
            recovered++;
        }

        void failed() {
            failures++;
        }

        void interrupted() {
            complete = false;
        }

        RunReport finish(Instant finishedAt) {
            Map<String, Long> byOutcome = new TreeMap<>();
            payments.forEach((outcome, count) -> byOutcome.put(outcome.wire(), count));
            return new RunReport(startedAt, finishedAt, issued, payments.values().stream().mapToLong(Long::longValue)
                    .sum(), byOutcome, recovered, failures, complete);
        }
    }
}
