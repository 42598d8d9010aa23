package dev.paygo.payment;

/**
 * Bank transfers: nothing is charged automatically; the operator records each payment received
 * ({@code POST /accounts/{id}/invoices/{invoice_id}/payments}), and partial payments add up.
 */
public final class ManualGateway implements PaymentGateway {
    public static final String NAME = "manual";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean chargesAutomatically() {
        return false;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        throw new UnsupportedOperationException("the manual gateway is paid by the operator, not charged");
    }
}
