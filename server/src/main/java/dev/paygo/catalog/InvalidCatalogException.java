package dev.paygo.catalog;

/** A catalog file that paygo cannot use; the message names every bad line. */
public final class InvalidCatalogException extends RuntimeException {
    public InvalidCatalogException(String message) {
        super(message);
    }
}
