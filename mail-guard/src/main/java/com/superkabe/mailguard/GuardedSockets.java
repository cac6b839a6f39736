package com.superkabe.mailguard;

// Twin copies in send-adapter-service and reply-poller-service (same class name): change both, until the
// kit owns them (ADR 0027).

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * The socket factory every mailbox connection goes through (ADR 0027). Angus Mail resolves the host
 * and hands the socket the resolved address; the socket checks exactly that address against the
 * {@link MailHostPolicy} and connects to it, so a name cannot resolve to one address for the check
 * and another for the connection. A refusal is a {@link HostRefused}, raised before any packet is sent.
 */
public final class GuardedSockets extends SocketFactory {

    private final MailHostPolicy policy;

    public GuardedSockets(MailHostPolicy policy) {
        this.policy = policy;
    }

    /**
     * Makes a Jakarta Mail session for {@code protocol} ({@code smtp}, {@code smtps}, {@code imap},
     * {@code imaps}) connect only through this factory, with no fallback to a plain socket.
     */
    public void install(Properties session, String protocol) {
        String prefix = "mail." + protocol + ".";
        session.put(prefix + "socketFactory", this);
        session.put(prefix + "socketFactory.fallback", "false");
        session.remove(prefix + "ssl.socketFactory");
        session.remove(prefix + "proxy.host");
        session.remove(prefix + "socks.host");
    }

    /** The policy's refusal found anywhere in {@code failure}'s causes. */
    public static Optional<HostRefused> refusalIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof HostRefused r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof jakarta.mail.MessagingException m && m.getNextException() != null
                && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    /** A connection the policy refused; nothing was sent to the host. */
    public static final class HostRefused extends IOException {

        private final String reason;

        HostRefused(String host, int port, String reason) {
            super("refused to connect to " + host + ":" + port + ": " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final class GuardedSocket extends Socket {

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target)) {
                throw new HostRefused(String.valueOf(endpoint), 0, "not an internet address");
            }
            if (target.isUnresolved()) {
                throw new UnknownHostException("cannot resolve " + target.getHostString());
            }
            Optional<String> refusal = policy.refusal(target.getHostString(), target.getAddress(), target.getPort());
            if (refusal.isPresent()) {
                close();
                throw new HostRefused(target.getHostString(), target.getPort(), refusal.get());
            }
            super.connect(target, timeout);
        }
    }
}
