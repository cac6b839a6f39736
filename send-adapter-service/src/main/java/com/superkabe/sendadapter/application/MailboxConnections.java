package com.superkabe.sendadapter.application;

import java.util.Optional;

/**
 * Port: whether each mailbox's credentials work. A mailbox starts connected; a refused login
 * disconnects it until an operator replaces its credentials. Each change bumps {@code generation},
 * which names the change's event.
 */
public interface MailboxConnections {

    record State(boolean connected, String reason, int generation) {
    }

    State state(String mailboxId);

    /** Marks the mailbox disconnected; the new state if this changed it, else empty (already disconnected). */
    Optional<State> disconnect(String mailboxId, String reason);

    /** Marks the mailbox connected; the new state if this changed it, else empty. */
    Optional<State> reconnect(String mailboxId, String reason);

    /** How many mailboxes are disconnected now. */
    int disconnected();
}
