package dev.paygo.invoice;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs billing in the background every {@code intervalSeconds}, on one daemon thread. A run that finds another
 * holding the lock (another node's) is skipped. Closing waits for a run in progress to finish.
 */
public final class BillingScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BillingScheduler.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final ScheduledExecutorService executor;

    public BillingScheduler(BillingRun run, int intervalSeconds) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "paygo-billing");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> runOnce(run), intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    private static void runOnce(BillingRun run) {
        try {
            run.run(Duration.ZERO).ifPresent(report -> {
                if (report.invoicesIssued() > 0 || report.paymentsAttempted() > 0 || report.failures() > 0) {
                    LOG.info("billing run: {} invoices issued, {} payments {}, {} failures", report.invoicesIssued(),
                            report.paymentsAttempted(), report.payments(), report.failures());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The schedule must outlive a failed run: the next one starts over, and every step is idempotent.
            LOG.error("billing run failed; the next run starts over", e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
