package com.superkabe.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between the services and one thing they talk to (the broker, PostgreSQL, an
 * SMTP or IMAP server), which a fault run switches between passing bytes and breaking the connection the
 * ways networks do (ADR 0054). Every mode applies to connections already open and to new ones until
 * {@link #heal()}:
 * <ul>
 *   <li>{@link Mode#LATENCY}: every chunk, either way, is held for the given time before it is passed on;</li>
 *   <li>{@link Mode#RESET}: every open connection is closed with a TCP reset, and new ones are reset as soon
 *       as they are accepted;</li>
 *   <li>{@link Mode#STALL}: nothing more is passed either way (the bytes wait), so clients' read timeouts
 *       fire; on heal the held bytes flow on, late;</li>
 *   <li>{@link Mode#BLACK_HOLE}: connections are accepted and what arrives is read and dropped, never
 *       answered; a connection that lost bytes so cannot carry on, and heal resets it.</li>
 * </ul>
 */
final class FaultProxy implements AutoCloseable {

    enum Mode { PASS, LATENCY, RESET, STALL, BLACK_HOLE }

    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final String name;
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Object modeChange = new Object();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean closed;

    private FaultProxy(String name, ServerSocket server, InetSocketAddress target) {
        this.name = name;
        this.server = server;
        this.target = target;
    }

    /** Listens on loopback {@code port} (0: any free one) and forwards to {@code targetPort} on loopback. */
    static FaultProxy start(String name, int port, int targetPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            FaultProxy proxy = new FaultProxy(name, server,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
            Thread.ofPlatform().daemon().name("fault-proxy-" + name).start(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new StackException("the fault proxy for " + name + " cannot listen on loopback port " + port
                    + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return server.getLocalPort();
    }

    int targetPort() {
        return target.getPort();
    }

    Mode mode() {
        return mode;
    }

    long accepted() {
        return accepted.get();
    }

    long resets() {
        return resets.get();
    }

    void latency(Duration delay) {
        latency = delay;
        switchTo(Mode.LATENCY);
    }

    void reset() {
        switchTo(Mode.RESET);
        links.forEach(this::resetLink);
    }

    void stall() {
        switchTo(Mode.STALL);
    }

    void blackHole() {
        switchTo(Mode.BLACK_HOLE);
    }

    /** Back to passing bytes; connections that lost bytes in a black hole are reset. */
    void heal() {
        switchTo(Mode.PASS);
        links.stream().filter(l -> l.dropped).forEach(this::resetLink);
    }

    private void switchTo(Mode next) {
        synchronized (modeChange) {
            mode = next;
            modeChange.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        switchTo(Mode.PASS);
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        links.forEach(Link::close);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            accepted.incrementAndGet();
            Thread.ofVirtual().name("fault-proxy-" + name + "-open").start(() -> open(client));
        }
    }

    private void open(Socket client) {
        Link link = new Link(client);
        links.add(link);
        if (mode == Mode.RESET) {
            resetLink(link);
            return;
        }
        if (mode == Mode.BLACK_HOLE) {
            // accepted, never answered: the upstream is not even asked
            link.dropped = true;
            Thread.ofVirtual().start(() -> pump(link, client, null));
            return;
        }
        try {
            Socket upstream = new Socket();
            upstream.connect(target, CONNECT_TIMEOUT_MS);
            upstream.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            link.upstream = upstream;
        } catch (IOException refused) {
            // what the client would have seen without the proxy: the connection refused, as a reset
            resetLink(link);
            return;
        }
        Thread.ofVirtual().start(() -> pump(link, client, link.upstream));
        Thread.ofVirtual().start(() -> pump(link, link.upstream, client));
    }

    /** Copies one direction of a link, applying whatever mode is on when each chunk arrives. */
    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to == null ? null : to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                forward(link, out, buffer, n);
            }
            link.close();
        } catch (IOException | InterruptedException gone) {
            link.close();
        }
    }

    private void forward(Link link, OutputStream out, byte[] buffer, int n) throws IOException, InterruptedException {
        synchronized (modeChange) {
            while (mode == Mode.STALL && !closed) {
                modeChange.wait();
            }
        }
        Mode now = mode;
        if (now == Mode.BLACK_HOLE || out == null || link.dropped) {
            link.dropped = true;
            return;
        }
        if (now == Mode.LATENCY) {
            Thread.sleep(latency);
        }
        out.write(buffer, 0, n);
        out.flush();
    }

    /** SO_LINGER 0 makes close send a TCP reset instead of an orderly FIN. */
    private void resetLink(Link link) {
        resets.incrementAndGet();
        for (Socket s : new Socket[] {link.client, link.upstream}) {
            if (s != null) {
                try {
                    s.setSoLinger(true, 0);
                } catch (SocketException alreadyClosed) {
                    // nothing to reset
                }
            }
        }
        link.close();
    }

    /** One client connection and, unless it was black-holed from the start, its upstream connection. */
    private final class Link {
        final Socket client;
        volatile Socket upstream;
        volatile boolean dropped;

        Link(Socket client) {
            this.client = client;
        }

        void close() {
            links.remove(this);
            for (Socket s : new Socket[] {client, upstream}) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "fault proxy " + name + " :" + port() + " → :" + targetPort();
    }
}
