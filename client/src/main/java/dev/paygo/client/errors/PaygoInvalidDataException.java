package dev.paygo.client.errors;

/** The server's answer was not the JSON envelope or value expected. */
public final class PaygoInvalidDataException extends PaygoException {
    public PaygoInvalidDataException(String message) {
        super(message);
    }

    public PaygoInvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
