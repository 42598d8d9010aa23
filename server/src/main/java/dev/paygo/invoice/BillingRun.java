package dev.paygo.invoice;

import dev.paygo.account.Account;
import dev.paygo.account.AccountService;
import dev.paygo.credit.CreditService;
import dev.paygo.id.Ids;
import dev.paygo.money.Money;
import dev.paygo.notify.EventType;
import dev.paygo.payment.ChargeResult;
import dev.paygo.payment.DunningSchedule;
import dev.paygo.payment.Outcome;
import dev.paygo.payment.PaymentAttempt;
import dev.paygo.payment.PaymentGateway;
import dev.paygo.payment.PaymentService;
import dev.paygo.profile.BillingProfile;
import dev.paygo.profile.Card;
import dev.paygo.profile.ProfileService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One billing run: under a lock in the database (one run at a time across every node sharing it), it finishes
 * the payment attempts an earlier run left pending, issues every due invoice, then charges every invoice whose
 * payment attempt is due. Every step is idempotent, so a run that dies anywhere is completed by the next:
 * <ul>
 *   <li>an invoice is issued in one transaction that also moves its account's cursor (compare-and-set);</li>
 *   <li>a charge is claimed and recorded as a pending attempt in one transaction, sent to the gateway outside it
 *       (with the attempt's id as the gateway's idempotency key), and its outcome recorded with the invoice's new
 *       state in another; a pending attempt is sent again by the next run, and the gateway answers its first
 *       outcome without charging twice.</li>
 * </ul>
 * A failed charge makes the invoice {@code past_due} with a retry as the dunning schedule says, or
 * {@code uncollectible} when the retries are used up. Thread-safe.
 */
public final class BillingRun {
    private static final Logger LOG = LoggerFactory.getLogger(BillingRun.class);
    private static final String LOCK = "billing";
    private static final int PAGE = 500;

    private final Jdbi jdbi;
    private volatile RunReport last;
    private final Clock clock;
    private final AccountService accounts;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final ProfileService profiles;
    private final CreditService credits;
    private final DunningSchedule dunning;
    private final String node = Ids.hex(6);
    /** How long the lock outlives a run that stops renewing it (a node that died): the next run waits this long. */
    private final Duration lockLease;
    private final LongAdder issued = new LongAdder();
    private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);

    public BillingRun(Jdbi jdbi, Clock clock, AccountService accounts, InvoiceService invoices, PaymentService payments,
                      ProfileService profiles, CreditService credits, BillingSettings settings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.accounts = accounts;
        this.invoices = invoices;
        this.payments = payments;
        this.profiles = profiles;
        this.credits = credits;
        this.dunning = settings.dunning();
        this.lockLease = settings.lockLease();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
    }

    /**
     * Runs once, waiting up to {@code waitForLock} while another run (on any node) holds the lock; empty when it
     * still does then.
     */
    public Optional<RunReport> run(Duration waitForLock) throws InterruptedException {
        Lease lease = new Lease(node + "/" + Ids.hex(6));
        long deadline = System.nanoTime() + waitForLock.toNanos();
        while (!lease.take()) {
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        try {
            RunReport report = runHolding(lease);
            last = report;
            return Optional.of(report);
        } finally {
            jdbi.useExtension(InvoiceDao.class, dao -> dao.releaseLock(LOCK, lease.holder));
        }
    }

    /** The report of this node's latest run, scheduled or asked for (the console shows it). */
    public Optional<RunReport> last() {
        return Optional.ofNullable(last);
    }

    /** Invoices issued by this node's runs since it started (a metric). */
    public long invoicesIssued() {
        return issued.sum();
    }

    /** Payment attempts this node's runs finished with {@code outcome} since it started (a metric). */
    public long payments(Outcome outcome) {
        return outcomes.get(outcome).sum();
    }

    private RunReport runHolding(Lease lease) {
        RunReport.Tally tally = new RunReport.Tally(clock.instant());
        for (PaymentAttempt pending : payments.listPending()) {
            accounts.find(pending.accountId()).ifPresent(account -> {
                tally.recovered();
                charge(account, pending, tally);
            });
        }
        issueAll(lease, tally);
        collectAll(lease, tally);
        if (lease.keep()) {
            try {
                credits.notifyDue();
            } catch (RuntimeException e) {
                LOG.error("telling of low and expired credit failed; the next run tries again", e);
                tally.failed();
            }
        }
        return tally.finish(clock.instant());
    }

    private void issueAll(Lease lease, RunReport.Tally tally) {
        LocalDate dueDay = invoices.dueDay();
        String after = "";
        while (lease.keep()) {
            String from = after;
            List<String> due = jdbi.withExtension(InvoiceDao.class, dao -> dao.listDueAccounts(dueDay.toString(),
                    from, PAGE));
            if (due.isEmpty()) {
                return;
            }
            for (String id : due) {
                if (!lease.keep()) {
                    break;
                }
                Optional<Account> account = accounts.find(id);
                try {
                    int count = account.map(a -> invoices.issueDue(a).size()).orElse(0);
                    issued.add(count);
                    tally.issued(count);
                } catch (RuntimeException e) {
                    // One account's failure must not stop every other account's billing: the next run retries it.
                    LOG.error("billing account {} failed; the next run tries again", id, e);
                    tally.failed();
                }
            }
            after = due.get(due.size() - 1);
        }
        tally.interrupted();
    }

    private void collectAll(Lease lease, RunReport.Tally tally) {
        long nowMs = clock.millis();
        String after = "";
        while (lease.keep()) {
            String from = after;
            List<InvoiceRow> due = jdbi.withExtension(InvoiceDao.class, dao -> dao.listChargeable(nowMs, from, PAGE));
            if (due.isEmpty()) {
                return;
            }
            for (InvoiceRow invoice : due) {
                if (!lease.keep()) {
                    break;
                }
                accounts.find(invoice.accountId()).ifPresent(account -> claim(account, invoice, nowMs)
                        .ifPresent(attempt -> charge(account, attempt, tally)));
            }
            after = due.get(due.size() - 1).id();
        }
        tally.interrupted();
    }

    /** Takes the invoice's due attempt and records it as pending, in one transaction; empty if another took it. */
    private Optional<PaymentAttempt> claim(Account account, InvoiceRow invoice, long nowMs) {
        Money due = Money.ofMinor(invoice.totalMinor() - invoice.paidMinor(), Currency.getInstance(invoice.currency()));
        return jdbi.inTransaction(h -> {
            if (h.attach(InvoiceDao.class).claimAttempt(invoice.id(), invoice.attempts(), nowMs) != 1) {
                return Optional.empty();
            }
            return Optional.of(payments.begin(account.id(), invoice.id(), invoice.attempts() + 1, invoice.gateway(),
                    due));
        });
    }

    /** Sends a pending attempt to its gateway and records the outcome; a gateway error leaves it pending. */
    private void charge(Account account, PaymentAttempt attempt, RunReport.Tally tally) {
        if (payments.gateway(attempt.gateway()).filter(PaymentGateway::chargesAutomatically).isEmpty()) {
            return;
        }
        ChargeResult result;
        try {
            result = payments.charge(attempt, profiles.find(account).flatMap(BillingProfile::card).map(Card::last4));
        } catch (RuntimeException e) {
            LOG.error("payment attempt {} could not reach its gateway; the next run sends it again", attempt.id(), e);
            tally.failed();
            return;
        }
        if (settle(account, attempt, result)) {
            outcomes.get(result.outcome()).increment();
            tally.paid(result.outcome());
        }
    }

    /** Records the outcome and the invoice's new state in one transaction; false when it was recorded already. */
    private boolean settle(Account account, PaymentAttempt attempt, ChargeResult result) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            InvoiceDao dao = h.attach(InvoiceDao.class);
            if (!payments.finish(attempt, result)) {
                return false;
            }
            if (result.outcome() == Outcome.SUCCEEDED) {
                if (dao.applyPayment(account.id(), attempt.invoiceId(), attempt.amount().minorUnits(),
                        now.toEpochMilli()) != 1) {
                    LOG.warn("payment {} succeeded for invoice {}, which no longer takes it (paid or void meanwhile): "
                            + "refund it at the gateway", attempt.id(), attempt.invoiceId());
                } else {
                    invoices.events().publishIfPaid(h, account.id(), attempt.invoiceId());
                }
                return true;
            }
            InvoiceRow invoice = dao.find(account.id(), attempt.invoiceId()).orElseThrow();
            int failures = (int) payments.listByInvoice(account.id(), attempt.invoiceId()).stream()
                    .filter(a -> a.outcome().isFailure()).count();
            Instant first = Optional.ofNullable(invoice.firstFailureAtMs()).map(Instant::ofEpochMilli).orElse(now);
            Optional<Instant> next = dunning.nextAttempt(first, failures);
            if (dao.markFailed(account.id(), attempt.invoiceId(),
                    (next.isPresent() ? InvoiceStatus.PAST_DUE : InvoiceStatus.UNCOLLECTIBLE).wire(),
                    next.map(Instant::toEpochMilli).orElse(null), now.toEpochMilli()) != 1) {
                return true;  // voided meanwhile: nothing to tell
            }
            invoices.events().publish(h, EventType.INVOICE_PAYMENT_FAILED, account.id(), attempt.invoiceId());
            if (next.isEmpty()) {
                invoices.events().publish(h, EventType.INVOICE_UNCOLLECTIBLE, account.id(), attempt.invoiceId());
            }
            return true;
        });
    }

    /**
     * A run's hold on the lock: taken for {@link #lockLease}, renewed once a third of it has passed (a cheap check
     * per account, a write only every few seconds), so another node takes over within a lease of this one dying.
     */
    private final class Lease {
        private final String holder;
        private long renewedAtMs;

        Lease(String holder) {
            this.holder = holder;
        }

        /** Takes or renews the lock; false when another run holds it. */
        boolean take() {
            long now = clock.millis();
            boolean held = jdbi.withExtension(InvoiceDao.class, dao -> dao.acquireLock(LOCK, holder,
                    now + lockLease.toMillis(), now)) == 1;
            if (held) {
                renewedAtMs = now;
            }
            return held;
        }

        /** True while the run still holds the lock, renewing it when due. */
        boolean keep() {
            return clock.millis() - renewedAtMs < lockLease.toMillis() / 3 || take();
        }
    }
}
