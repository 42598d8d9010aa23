package dev.paygo.payment;

/**
 * A way of collecting an invoice, chosen by the billing profile's {@code payment_gateway}. A gateway that
 * charges automatically is asked by the billing run to charge each due attempt; its {@link #charge} must be
 * idempotent by {@link ChargeRequest#attemptId()}, because a run that dies between the charge and its record
 * asks again with the same id.
 */
public interface PaymentGateway {
    /** The name a profile's {@code payment_gateway} uses. */
    String name();

    /** True when the billing run charges through it; false when payments are recorded by the operator. */
    boolean chargesAutomatically();

    ChargeResult charge(ChargeRequest request);
}
