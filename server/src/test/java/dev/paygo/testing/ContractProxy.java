package dev.paygo.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * A reverse proxy on loopback in front of a paygo server that checks every answer against the API's contract
 * ({@link Contract}) as a client receives it, and every request body the server accepts as the client sent it,
 * whatever the client: the Java SDK, or Cloudflare's TypeScript SDK in Node.js. Requests and answers pass unchanged (compressed answers are decompressed only to be checked); what breaks
 * the contract is kept and reported by {@link #violations()}, and makes {@link TestServer#close()} fail.
 */
public final class ContractProxy implements AutoCloseable {
    /** Headers the JDK's client sets itself or that belong to one connection. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings", "date");
    private final HttpServer listener;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "contract-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<String> upstream;
    private final List<String> violations = new CopyOnWriteArrayList<>();

    /** @param upstream the server's root URL, e.g. {@code http://127.0.0.1:8787} (read per request: it may move) */
    public ContractProxy(Supplier<String> upstream) {
        this.upstream = upstream;
        try {
            listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listener.createContext("/", this::forward);
        listener.setExecutor(workers);
        listener.start();
    }

    /** The proxy's root URL. */
    public String url() {
        return "http://127.0.0.1:" + listener.getAddress().getPort();
    }

    /** What the answers so far did that the contract does not allow. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = URI.create(upstream.get() + exchange.getRequestURI().toString());
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            check(method, uri, response);
            String requestType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (exchange.getRequestHeaders().getFirst("Content-Encoding") == null) {
                violations.addAll(Contract.get().requestViolations(method, uri, response.statusCode(), requestType,
                        new String(body, StandardCharsets.UTF_8)));
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            boolean empty = answer.length == 0 || method.equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private void check(String method, URI uri, HttpResponse<byte[]> response) throws IOException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
        byte[] body = response.body();
        if (encoding.equalsIgnoreCase("gzip")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        boolean text = contentType == null || !contentType.contains("parquet");
        violations.addAll(Contract.get().violations(method, uri, response.statusCode(), contentType, null,
                text ? new String(body, StandardCharsets.UTF_8) : ""));
    }

    @Override
    public void close() {
        listener.stop(0);
        workers.shutdownNow();
    }
}
