package dev.paygo.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a paygo server that can lose answers: the request reaches the server and
 * is processed, but the client's connection is cut as the answer comes back, as a network failure or a
 * crashed load balancer would. Each connection is proxied by two threads; closing the proxy stops them all.
 */
final class LossyProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final AtomicInteger answersToLose = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();

    LossyProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "lossy-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The API base URL through the proxy. */
    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/client/v4";
    }

    /** The next {@code count} answers are lost (their connections cut once the server has answered). */
    void loseNextAnswers(int count) {
        answersToLose.set(count);
    }

    int lostAnswers() {
        return lost.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                start(() -> copy(client, upstream, false));
                start(() -> copy(upstream, client, true));
            } catch (IOException e) {
                return;  // closed
            }
        }
    }

    private static void start(Runnable task) {
        Thread thread = new Thread(task, "lossy-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private void copy(Socket from, Socket to, boolean answers) {
        byte[] buffer = new byte[16384];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (answers && answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    lost.incrementAndGet();
                    return;  // the server answered; the client never hears it
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away: closing both ends is all there is to do
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
