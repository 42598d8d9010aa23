package dev.paygo.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.paygo.testing.ContractProxy;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy the SDK suites talk through, in front of a stand-in upstream that answers what the test says: answers
 * pass unchanged, and what breaks the contract is reported, compressed or not.
 */
class ContractProxyTest {
    private static final String ZONE = "/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/zones/z";
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer upstream;
    private ContractProxy proxy;
    private volatile String answer;
    private volatile boolean gzip;

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        upstream.createContext("/", exchange -> {
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            if (gzip) {
                ByteArrayOutputStream packed = new ByteArrayOutputStream();
                try (OutputStream out = new GZIPOutputStream(packed)) {
                    out.write(body);
                }
                body = packed.toByteArray();
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        proxy = new ContractProxy(() -> "http://127.0.0.1:" + upstream.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.stop(0);
    }

    private HttpResponse<byte[]> put() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(proxy.url() + ZONE))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"example.com\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aConformingAnswerPassesUnchangedAndLeavesNoViolation() throws Exception {
        answer = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"z\",\"name\":\"example.com\"}}";

        HttpResponse<byte[]> response = put();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(answer);
        assertThat(proxy.violations()).isEmpty();
    }

    @Test
    void anAnswerThatBreaksTheContractIsReportedEvenCompressed() throws Exception {
        answer = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"z\",\"colour\":\"blue\"}}";
        gzip = true;

        HttpResponse<byte[]> response = put();

        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(proxy.violations()).isNotEmpty().allMatch(v -> v.startsWith("PUT " + ZONE + " → 200"))
                .anyMatch(v -> v.contains("colour")).anyMatch(v -> v.contains("name"));
    }
}
