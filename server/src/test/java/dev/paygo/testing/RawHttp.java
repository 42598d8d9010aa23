package dev.paygo.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on one socket, for requests that a well-behaved client cannot send (bad
 * percent-encoding, conflicting lengths, huge headers) and for several requests on one kept-alive connection.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private String noAnswer = "";

    public RawHttp(int port) {
        this(port, "127.0.0.1");
    }

    /** A connection from a given loopback address (any of 127.0.0.0/8), as if from another client. */
    public RawHttp(int port, String fromAddress) {
        try {
            socket = new Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
                    java.net.InetAddress.getByName(fromAddress), 0);
            socket.setSoTimeout(60_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer: status, headers (lower-case names) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    /** Sends {@code request} as it is (ISO-8859-1 bytes) and reads one answer. */
    public Answer exchange(String request) {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public Answer exchange(byte[] request) {
        try {
            out.write(request);
            out.flush();
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a request that the server may refuse before reading it all (a write that fails is not an error
     * then), and reads the answer; empty when the connection closed without one. A HEAD answer has no body.
     */
    public java.util.Optional<Answer> exchangeLeniently(byte[] request, boolean head) {
        long start = System.nanoTime();
        String written = "written";
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            written = "write failed (" + e + ")";  // refused early: the answer may be waiting
        }
        try {
            return java.util.Optional.of(head ? readHead() : read());
        } catch (IOException | RuntimeException e) {
            noAnswer = written + ", then " + e + " after " + (System.nanoTime() - start) / 1_000_000 + " ms";
            return java.util.Optional.empty();
        }
    }

    /** Why the last {@link #exchangeLeniently} had no answer: what the write and the read ran into, and when. */
    public String whyNoAnswer() {
        return noAnswer;
    }

    private Answer readHead() throws IOException {
        Answer head = statusAndHeaders();
        return new Answer(head.status(), head.headers(), "");
    }

    /** The status line and headers of the final answer, past any interim 1xx (100 Continue). */
    private Answer statusAndHeaders() throws IOException {
        while (true) {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            String header;
            while (!(header = line()).isEmpty()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).strip());
            }
            if (status >= 200) {
                return new Answer(status, headers, "");
            }
        }
    }

    private Answer read() throws IOException {
        Answer head = statusAndHeaders();
        int status = head.status();
        Map<String, String> headers = head.headers();
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(line().split(";")[0].strip(), 16)) > 0) {
                all.write(in.readNBytes(size));
                line();
            }
            line();
            body = all.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                bytes.write(b);
            }
        }
        if (b == -1 && bytes.size() == 0) {
            throw new IOException("connection closed before an answer");
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
