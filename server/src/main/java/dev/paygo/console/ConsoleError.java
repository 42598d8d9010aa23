package dev.paygo.console;

/** A refusal the console shows as a page: its status, a title and what the person can do about it. */
final class ConsoleError extends RuntimeException {
    private final int status;
    private final String title;

    ConsoleError(int status, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
    }

    static ConsoleError forbidden(String message) {
        return new ConsoleError(403, "Not allowed", message);
    }

    static ConsoleError notFound(String what) {
        return new ConsoleError(404, "Not found", what + " does not exist, or was removed.");
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }
}
