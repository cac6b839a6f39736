package com.superkabe.testsmtp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What happened on one connection, in order: every command line the client sent (AUTH credentials
 * are not recorded, only the mechanism), the user each successful login was for, and the messages.
 * Safe to read while the connection is still open.
 */
public final class SessionRecord {

    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final List<String> logins = Collections.synchronizedList(new ArrayList<>());
    private final List<ReceivedMessage> messages = Collections.synchronizedList(new ArrayList<>());

    void command(String line) {
        commands.add(line);
    }

    void login(String user) {
        logins.add(user);
    }

    void message(ReceivedMessage m) {
        messages.add(m);
    }

    /** The command lines, verbs upper-cased as sent; AUTH lines are cut after the mechanism. */
    public List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /** The command verbs only ({@code EHLO}, {@code AUTH}, {@code MAIL}, {@code RSET}, ...). */
    public List<String> verbs() {
        return commands().stream().map(c -> c.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT)).toList();
    }

    /** The users that logged in successfully on this connection. */
    public List<String> logins() {
        synchronized (logins) {
            return List.copyOf(logins);
        }
    }

    public List<ReceivedMessage> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }
}
