package dev.paygo.alert;

import dev.paygo.account.Account;
import dev.paygo.account.AccountService;
import dev.paygo.error.ErrorCode;
import dev.paygo.error.PaygoException;
import dev.paygo.id.Ids;
import dev.paygo.money.Money;
import dev.paygo.notify.EventType;
import dev.paygo.notify.Outbox;
import dev.paygo.period.BillingPeriod;
import dev.paygo.period.BillingPeriods;
import dev.paygo.rating.RatingService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spend alerts: an account's "the current period's cost passes AMOUNT". They are evaluated as usage arrives: the
 * ingestion path only marks the accounts it stored usage for, and one evaluator thread rates each marked account's
 * current period (coalescing many batches into one rating) and fires the alerts its cost has reached. A firing is
 * a row keyed by alert and period, inserted if absent, so an alert fires at most once per period also when many
 * nodes evaluate it at once. The evaluator also sweeps every account with alerts every {@code sweep}, so a node
 * that died between storing usage and evaluating it delays an alert, never loses it. Thread-safe.
 */
public final class SpendAlertService implements AutoCloseable {
    /** The most alerts one account may set. */
    public static final int MAX_PER_ACCOUNT = 25;
    private static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(13);
    private static final int SWEEP_PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SpendAlertService.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final RatingService rating;
    private final AccountService accounts;
    private final Outbox outbox;
    private final Duration sweep;
    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private final AtomicLong fired = new AtomicLong();
    private final Thread evaluator;
    private volatile boolean closed;

    public SpendAlertService(Jdbi jdbi, Clock clock, RatingService rating, AccountService accounts, Outbox outbox,
                             Duration sweep) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.rating = rating;
        this.accounts = accounts;
        this.outbox = outbox;
        this.sweep = sweep;
        this.evaluator = new Thread(this::evaluateMarked, "paygo-spend-alerts");
        evaluator.setDaemon(true);
    }

    /** Starts the evaluator thread. */
    public SpendAlertService start() {
        evaluator.start();
        return this;
    }

    /**
     * Sets an alert. 400 for an amount that is not positive, too large or with more decimals than the currency, or
     * a currency other than the account's; 409 when the account has {@value #MAX_PER_ACCOUNT} alerts.
     */
    public SpendAlert create(Account account, BigDecimal amount, String currencyCode) {
        Currency currency = Currency.getInstance(account.billingCurrency());
        if (!currencyCode.equals(currency.getCurrencyCode())) {
            throw PaygoException.invalid("/currency", "must be the account's billing currency, "
                    + currency.getCurrencyCode());
        }
        if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw PaygoException.invalid("/amount", "must be more than 0 and at most " + MAX_AMOUNT.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > Money.minorUnitPlaces(currency)) {
            throw PaygoException.invalid("/amount", "has more decimals than " + currency.getCurrencyCode()
                    + " has (" + Money.minorUnitPlaces(currency) + ")");
        }
        String id = Ids.hex32();
        long minor = new Money(amount, currency).minorUnits();
        jdbi.useTransaction(h -> {
            AlertDao dao = h.attach(AlertDao.class);
            if (dao.count(account.id()) >= MAX_PER_ACCOUNT) {
                throw new PaygoException(ErrorCode.CONFLICT, "an account has at most " + MAX_PER_ACCOUNT
                        + " spend alerts: delete one first");
            }
            dao.insert(id, account.id(), currency.getCurrencyCode(), minor, clock.millis());
        });
        usageArrived(List.of(account.id()));  // it may be reached already
        return list(account).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** The account's alerts, lowest amount first, with whether each fired in the current period. */
    public List<SpendAlert> list(Account account) {
        String periodStart = currentPeriod(account).start().toString();
        return jdbi.withExtension(AlertDao.class, dao -> dao.list(account.id(), periodStart)).stream()
                .map(SpendAlertService::alert).toList();
    }

    /** Deletes an alert; 404 when the account has none of that id. */
    public void delete(Account account, String id) {
        if (jdbi.withExtension(AlertDao.class, dao -> dao.delete(account.id(), id)) != 1) {
            throw PaygoException.notFound("/accounts/" + account.id() + "/billing/alerts/" + id);
        }
    }

    /** The billing period holding today, for the account. */
    public BillingPeriod currentPeriod(Account account) {
        return new BillingPeriods(account.billingCycleAnchor()).containing(today());
    }

    /** Called once usage for these accounts is stored: marks them for the evaluator (cheap, never blocks). */
    public void usageArrived(Collection<String> accountIds) {
        if (marked.addAll(accountIds)) {
            LockSupport.unpark(evaluator);
        }
    }

    /**
     * Fires every alert of the account whose amount the current period's usage cost (exact, before rounding) has
     * reached and that has not fired in this period; returns those this call fired.
     */
    public List<SpendAlert> evaluate(Account account) {
        BillingPeriod period = currentPeriod(account);
        List<AlertRow> waiting = jdbi.withExtension(AlertDao.class, dao -> dao.list(account.id(),
                period.start().toString())).stream().filter(a -> a.firedAtMs() == null).toList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        Money cost = rating.costSoFar(account, period, today());
        List<SpendAlert> firedNow = new ArrayList<>();
        for (AlertRow row : waiting) {
            Money amount = Money.ofMinor(row.amountMinor(), Currency.getInstance(row.currency()));
            if (cost.amount().compareTo(amount.amount()) >= 0 && fire(account, row, period, cost)) {
                fired.incrementAndGet();
                LOG.info("spend alert {} of account {} fired: the period from {} costs {} {}, passing {}", row.id(),
                        account.id(), period.start(), cost.amount().toPlainString(), cost.currencyCode(),
                        amount.toWire());
                firedNow.add(alert(row));
            }
        }
        return firedNow;
    }

    /** Records the firing and tells webhooks, in one transaction; false when the alert fired in the period already. */
    private boolean fire(Account account, AlertRow row, BillingPeriod period, Money cost) {
        String periodStart = period.start().toString();
        return jdbi.inTransaction(h -> {
            AlertDao dao = h.attach(AlertDao.class);
            if (dao.fire(row.id(), periodStart, cost.amount().toPlainString(), clock.millis()) != 1) {
                return false;
            }
            outbox.publish(h, EventType.SPEND_THRESHOLD_REACHED, account.id(), () -> AlertView.of(
                    dao.list(account.id(), periodStart).stream().filter(a -> a.id().equals(row.id())).map(
                            SpendAlertService::alert).findFirst().orElseThrow(), period));
            return true;
        });
    }

    /** Evaluates every account that has alerts; returns how many alerts fired. */
    public int evaluateAll() {
        int count = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String> page = jdbi.withExtension(AlertDao.class, dao -> dao.listAccountsWithAlerts(from, SWEEP_PAGE));
            for (String id : page) {
                count += accounts.find(id).map(a -> evaluate(a).size()).orElse(0);
            }
            if (page.size() < SWEEP_PAGE) {
                return count;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** Alerts fired by this node since it started. */
    public long fired() {
        return fired.get();
    }

    private void evaluateMarked() {
        Instant nextSweep = clock.instant().plus(sweep);
        while (!closed) {
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            for (String id : List.copyOf(marked)) {
                marked.remove(id);
                guarded(() -> accounts.find(id).ifPresent(this::evaluate));
            }
            if (!clock.instant().isBefore(nextSweep)) {
                guarded(this::evaluateAll);
                nextSweep = clock.instant().plus(sweep);
            }
        }
    }

    private void guarded(Runnable work) {
        if (closed) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            // The next usage or sweep tries again; an alert is late, never lost.
            LOG.warn("spend alert evaluation failed: {}", e.toString());
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static SpendAlert alert(AlertRow row) {
        return new SpendAlert(row.id(), row.accountId(), Money.ofMinor(row.amountMinor(),
                Currency.getInstance(row.currency())), Instant.ofEpochMilli(row.createdAtMs()),
                Optional.ofNullable(row.firedAtMs()).map(Instant::ofEpochMilli),
                Optional.ofNullable(row.lastFiredAtMs()).map(Instant::ofEpochMilli));
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(evaluator);
        try {
            evaluator.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
