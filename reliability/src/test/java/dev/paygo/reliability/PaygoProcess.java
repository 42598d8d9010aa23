package dev.paygo.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A paygo server as its own process, started from the runnable jar as an operator starts it, that a test can
 * kill with SIGKILL and start again on the same database. Its output goes to a log file, appended across
 * restarts (the secrets scan reads it).
 */
final class PaygoProcess implements AutoCloseable {
    static final String OPERATOR_TOKEN = "reliability-operator-token-0123456789abcdefXYZ";

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    private PaygoProcess(List<String> command, Map<String, String> environment, Path log, int port) {
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code paygo serve} on a free loopback port and waits until it is ready.
     *
     * @param heap the JVM's -Xmx, e.g. {@code 256m}
     * @param options more {@code serve} options
     */
    static PaygoProcess start(String databaseUrl, Path log, String heap, Map<String, String> environment,
                              String... options) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-jar",
                jar().toString(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--database", databaseUrl));
        command.addAll(List.of(options));
        PaygoProcess paygo = new PaygoProcess(command, environment, log, port);
        paygo.startProcess();
        return paygo;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("paygo.jar", "../cli/target/paygo.jar"));
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException("the runnable jar " + jar + " is missing: build the cli module first");
        }
        return jar;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startProcess() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PAYGO_OPERATOR_TOKEN", OPERATOR_TOKEN);
        builder.environment().put("PAYGO_BILLING_INTERVAL", "0");  // billing runs only when a test asks
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("paygo exited with " + process.exitValue() + "; see " + log);
            }
            sleep(100);
        }
        throw new IllegalStateException("paygo did not become ready in 90 s; see " + log);
    }

    /** Kills the process at once (SIGKILL: no shutdown hook, no flush) and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again, on the same port and database. */
    void restart() {
        startProcess();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/client/v4";
    }

    Path log() {
        return log;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server as an operator would (SIGTERM: the shutdown hook flushes and closes). */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
