package dev.paygo.payment;

import dev.paygo.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payment attempts and the gateways that carry them out. An automatic charge is three steps, so that no crash
 * charges twice: {@link #begin} records the attempt as pending (in the caller's transaction, with the invoice's
 * claim), {@link #charge} asks the gateway outside any transaction, and {@link #finish} records the outcome (in
 * the caller's transaction, with the invoice's new state). A run that dies after the charge leaves the attempt
 * pending; the next run asks the gateway again with the same attempt id, which answers the first outcome
 * without charging again. Thread-safe.
 */
public final class PaymentService {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<String, PaymentGateway> gateways;

    public PaymentService(Jdbi jdbi, Clock clock, List<PaymentGateway> gateways) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.gateways = gateways.stream().collect(Collectors.toUnmodifiableMap(PaymentGateway::name, Function.identity()));
    }

    /** The gateway of a name, if paygo has it. */
    public Optional<PaymentGateway> gateway(String name) {
        return Optional.ofNullable(gateways.get(name));
    }

    /**
     * The gateway that collects an account's invoices: the one its profile names; without one, {@code test}
     * (charging the card) when a card is on file, else {@code manual} (waiting for a bank transfer). A name
     * paygo does not know (stored before gateways were checked) collects manually: nothing is charged.
     */
    public PaymentGateway gatewayFor(Optional<String> named, boolean cardOnFile) {
        String name = named.orElse(cardOnFile ? TestGateway.NAME : ManualGateway.NAME);
        return gateway(name).orElseGet(() -> {
            LOG.warn("payment gateway '{}' is unknown: its invoices are collected manually", name);
            return gateways.get(ManualGateway.NAME);
        });
    }

    /** The names of the gateways paygo has, sorted. */
    public List<String> gatewayNames() {
        return gateways.keySet().stream().sorted().toList();
    }

    /** Records attempt number {@code number} of an invoice as pending, in the caller's transaction. */
    public PaymentAttempt begin(String accountId, String invoiceId, int number, String gateway, Money amount) {
        Instant now = clock.instant();
        PaymentAttempt attempt = new PaymentAttempt(invoiceId + "-" + number, invoiceId, accountId, gateway, amount,
                Outcome.PENDING, Optional.empty(), Optional.empty(), now, Optional.empty());
        jdbi.useExtension(PaymentDao.class, dao -> dao.insert(row(attempt)));
        return attempt;
    }

    /** Asks the attempt's gateway to charge it; call outside a transaction (the gateway commits on its own). */
    public ChargeResult charge(PaymentAttempt attempt, Optional<String> cardLast4) {
        PaymentGateway gateway = gateway(attempt.gateway()).filter(PaymentGateway::chargesAutomatically)
                .orElseThrow(() -> new IllegalStateException(attempt.gateway() + " does not charge automatically"));
        return gateway.charge(new ChargeRequest(attempt.id(), attempt.accountId(), attempt.invoiceId(),
                attempt.amount(), cardLast4));
    }

    /** Records an attempt's outcome in the caller's transaction; false when it was recorded already. */
    public boolean finish(PaymentAttempt attempt, ChargeResult result) {
        return jdbi.withExtension(PaymentDao.class, dao -> dao.finish(attempt.id(), result.outcome().wire(),
                result.failure().isEmpty() ? null : result.failure(), result.reference(), clock.millis())) == 1;
    }

    /** Records a payment the operator received (a bank transfer), in the caller's transaction. */
    public PaymentAttempt recordReceived(String accountId, String invoiceId, int number, Money amount, String reference) {
        Instant now = clock.instant();
        PaymentAttempt attempt = new PaymentAttempt(invoiceId + "-" + number, invoiceId, accountId, ManualGateway.NAME,
                amount, Outcome.SUCCEEDED, Optional.empty(), Optional.of(reference), now, Optional.of(now));
        jdbi.useExtension(PaymentDao.class, dao -> dao.insert(row(attempt)));
        return attempt;
    }

    /** Attempts sent to a gateway whose outcome was never recorded, every account's (the run's recovery). */
    public List<PaymentAttempt> listPending() {
        return jdbi.withExtension(PaymentDao.class, PaymentDao::listPending).stream().map(PaymentService::attempt).toList();
    }

    /** An invoice's attempts, oldest first. */
    public List<PaymentAttempt> listByInvoice(String accountId, String invoiceId) {
        return jdbi.withExtension(PaymentDao.class, dao -> dao.listByInvoice(accountId, invoiceId)).stream()
                .map(PaymentService::attempt).toList();
    }

    /** An account's attempts, newest first. */
    public List<PaymentAttempt> listByAccount(String accountId) {
        return jdbi.withExtension(PaymentDao.class, dao -> dao.listByAccount(accountId)).stream()
                .map(PaymentService::attempt).toList();
    }

    private static AttemptRow row(PaymentAttempt a) {
        return new AttemptRow(a.id(), a.invoiceId(), a.accountId(), a.gateway(), a.amount().minorUnits(),
                a.amount().currencyCode(), a.outcome().wire(), a.failure().orElse(null), a.reference().orElse(null),
                a.createdAt().toEpochMilli(), a.finishedAt().map(Instant::toEpochMilli).orElse(null));
    }

    private static PaymentAttempt attempt(AttemptRow r) {
        return new PaymentAttempt(r.id(), r.invoiceId(), r.accountId(), r.gateway(),
                Money.ofMinor(r.amountMinor(), Currency.getInstance(r.currency())), Outcome.fromWire(r.status()),
                Optional.ofNullable(r.failure()), Optional.ofNullable(r.reference()), Instant.ofEpochMilli(r.createdAtMs()),
                Optional.ofNullable(r.finishedAtMs()).map(Instant::ofEpochMilli));
    }
}
