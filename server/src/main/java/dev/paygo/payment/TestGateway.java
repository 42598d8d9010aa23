package dev.paygo.payment;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * A card processor's test mode, deciding by the card's last four digits as Stripe's documented test cards do:
 * {@code 4242} succeeds, {@code 0002} is declined, {@code 9995} has insufficient funds, any other card succeeds;
 * no card on file fails. It keeps its own ledger of charges (as a processor would, apart from paygo's records)
 * and charges an attempt id once: asked again, it answers the first outcome and charges nothing more.
 */
public final class TestGateway implements PaymentGateway {
    public static final String NAME = "test";

    private final Jdbi jdbi;
    private final Clock clock;

    public TestGateway(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean chargesAutomatically() {
        return true;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Outcome decided = request.cardLast4().map(TestGateway::decide).orElse(Outcome.NO_PAYMENT_METHOD);
        // Its own transaction, like a remote processor's: the ledger keeps the charge whatever paygo does next.
        String outcome = jdbi.inTransaction(h -> {
            TestGatewayDao ledger = h.attach(TestGatewayDao.class);
            ledger.insertCharge(request.attemptId(), request.amount().minorUnits(), request.amount().currencyCode(),
                    request.cardLast4().orElse(null), decided.wire(), clock.millis());
            return ledger.findOutcome(request.attemptId()).orElseThrow();
        });
        Outcome result = Outcome.fromWire(outcome);
        return new ChargeResult(result, "tst_" + request.attemptId(), switch (result) {
            case SUCCEEDED -> "";
            case DECLINED -> "Your card was declined.";
            case INSUFFICIENT_FUNDS -> "Your card has insufficient funds.";
            case NO_PAYMENT_METHOD -> "There is no card on file.";
            case PENDING -> throw new IllegalStateException("a charge is never pending in the ledger");
        });
    }

    static Outcome decide(String last4) {
        return switch (last4) {
            case "0002" -> Outcome.DECLINED;
            case "9995" -> Outcome.INSUFFICIENT_FUNDS;
            default -> Outcome.SUCCEEDED;
        };
    }
}
