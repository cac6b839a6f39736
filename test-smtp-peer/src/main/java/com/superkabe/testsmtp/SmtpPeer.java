package com.superkabe.testsmtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scriptable ESMTP server on a loopback port: EHLO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT. With no users configured any login is accepted; with users, MAIL before a login is
 * refused (530) and a wrong password gets 535 5.7.8. Every connection is recorded as a
 * {@link SessionRecord}. Example: {@code peer.script(Step.RCPT, "ada@x.test", Answer.reply("451 4.7.1
 * greylisted"), Answer.accept())} refuses Ada's first RCPT and accepts her second.
 */
public final class SmtpPeer implements AutoCloseable {

    private final ServerSocket server;
    private final Script script = new Script();
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final List<SessionRecord> sessions = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private SmtpPeer(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("smtp-peer-" + server.getLocalPort()).start(this::accept);
    }

    /** Starts a peer on a free loopback port. */
    public static SmtpPeer start() {
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            return new SmtpPeer(s);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a loopback port", e);
        }
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Accepts this login (and, once any user exists, only configured logins). */
    public SmtpPeer user(String username, String password) {
        users.put(username, password);
        return this;
    }

    /** Answers the next occurrences of a step, whatever the recipient, one answer per occurrence. */
    public SmtpPeer script(Step step, Answer... answers) {
        script.add(step, null, List.of(answers));
        return this;
    }

    /** Answers the next occurrences of a step for one recipient (RCPT, or DATA of a message to them). */
    public SmtpPeer script(Step step, String recipient, Answer... answers) {
        if (step != Step.RCPT && step != Step.DATA) {
            throw new IllegalArgumentException(step + " does not concern a recipient");
        }
        script.add(step, recipient, List.of(answers));
        return this;
    }

    /** Every connection so far, oldest first. */
    public List<SessionRecord> sessions() {
        synchronized (sessions) {
            return List.copyOf(sessions);
        }
    }

    /** Every message the peer accepted (replied 2xx after DATA), oldest first. */
    public List<ReceivedMessage> messages() {
        return sessions().stream().flatMap(s -> s.messages().stream()).filter(ReceivedMessage::accepted).toList();
    }

    /** The accepted messages addressed to a recipient. */
    public List<ReceivedMessage> messagesTo(String recipient) {
        String r = recipient.toLowerCase(Locale.ROOT);
        return messages().stream().filter(m -> m.recipients().stream().anyMatch(x -> x.equalsIgnoreCase(r))).toList();
    }

    /** Total successful logins over all connections. */
    public int logins() {
        return sessions().stream().mapToInt(s -> s.logins().size()).sum();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                SessionRecord record = new SessionRecord();
                sessions.add(record);
                open.add(socket);
                Thread.ofVirtual().start(() -> {
                    try {
                        new Conversation(socket, record, script, users).run();
                    } finally {
                        open.remove(socket);
                    }
                });
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the conversation ends on its own
            }
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
