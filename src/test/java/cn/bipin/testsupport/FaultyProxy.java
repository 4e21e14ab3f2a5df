package cn.bipin.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between the application and a real server (SMTP, MariaDB) that a test can break the way networks and
 * servers break: {@link #hold()} accepts new connections and then says nothing (a hung server), {@link #cut()} closes
 * every open connection and refuses new ones (a stopped server). Until then it relays bytes unchanged.
 */
public final class FaultyProxy implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private volatile boolean holding;
    private volatile int relayOnly = Integer.MAX_VALUE;
    private volatile int refuseAfter = Integer.MAX_VALUE;
    private volatile boolean cut;

    public FaultyProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "faulty-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on, new connections are accepted and left silent. */
    public void hold() {
        holding = true;
    }

    /** Relays the first {@code n} connections (counted from the proxy's start), then holds every later one. */
    public void holdAfter(int n) {
        relayOnly = n;
    }

    /** Relays the first {@code n} connections, then closes every later one at once (a server gone down). */
    public void refuseAfter(int n) {
        refuseAfter = n;
    }

    /** Back to relaying every new connection (the server is up again). */
    public void relay() {
        holding = false;
        relayOnly = Integer.MAX_VALUE;
        refuseAfter = Integer.MAX_VALUE;
    }

    /** Connections accepted and left silent so far. */
    public int held() {
        return held.get();
    }

    /** Connections accepted so far, relayed or held. */
    public int accepted() {
        return accepted.get();
    }

    /** Closes every connection, relayed or held, and refuses new ones. */
    public void cut() {
        cut = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(FaultyProxy::closeQuietly);
    }

    @Override
    public void close() {
        cut();
    }

    private void accept() {
        while (!cut) {
            try {
                Socket client = server.accept();
                int number = accepted.incrementAndGet();
                if (number > refuseAfter) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                if (holding || number > relayOnly) {
                    held.incrementAndGet();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                if (!cut) {
                    // one connection failed; keep serving the others
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "faulty-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
