package dev.paygo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A paygo server started as its own process from the runnable jar, as an operator would run it. */
final class ServerProcess implements AutoCloseable {
    static final String OPERATOR_TOKEN = "bench-operator-token-0123456789abcdef";

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code paygo serve}; billing runs only when a benchmark asks ({@code --billing-interval 0}), so
     * one thing is measured at a time.
     */
    static ServerProcess start(Path jar, String databaseUrl, int port, String heap, String... options)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap, "-jar", jar.toString(), "serve",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--database", databaseUrl,
                "--rate-limit", "0", "--billing-interval", "0"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("paygo-bench-server", ".log").toFile());
        builder.environment().put("PAYGO_OPERATOR_TOKEN", OPERATOR_TOKEN);
        builder.environment().put("PAYGO_LOG_LEVEL", "WARN");
        ServerProcess server = new ServerProcess(builder.start(), port);
        server.awaitReady();
        return server;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/client/v4";
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("paygo exited with " + process.exitValue());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("paygo did not become ready in 60 s");
    }

    /** The server's resident memory in MB, from /proc. */
    long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** The server's peak resident memory so far (the kernel's high-water mark) in MB, from /proc. */
    long peakResidentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** CPU time the server process has used so far, all threads (JIT and GC included). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
