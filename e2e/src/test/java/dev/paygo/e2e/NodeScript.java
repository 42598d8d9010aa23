package dev.paygo.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the e2e's Node.js scripts ({@code e2e/node}, whose packages {@code npm ci} installed) and reads the JSON
 * it prints. Its standard error is read alongside, so a chatty script cannot block on a full pipe.
 */
final class NodeScript {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private NodeScript() {
    }

    /** The JSON {@code script} prints given {@code args}; throws with its standard error when it fails. */
    static JsonNode run(String script, String... args) {
        Path nodeDir = Path.of(System.getProperty("paygo.node.dir", "node")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(nodeDir.toFile()).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed: " + err.join());
            }
            return MAPPER.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node in " + nodeDir + " (is npm ci done?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
