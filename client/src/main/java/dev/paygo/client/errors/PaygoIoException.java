package dev.paygo.client.errors;

/** The request could not be sent or its answer not received (connection refused, timeout), after retries. */
public final class PaygoIoException extends PaygoException {
    public PaygoIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
