package dev.paygo.client.errors;

/** The root of every exception the paygo SDK throws. Unchecked. */
public class PaygoException extends RuntimeException {
    public PaygoException(String message) {
        super(message);
    }

    public PaygoException(String message, Throwable cause) {
        super(message, cause);
    }
}
