package dev.paygo.payment;

/** A gateway's answer: the outcome, its own reference for the charge, and why it failed (empty on success). */
public record ChargeResult(Outcome outcome, String reference, String failure) {
}
