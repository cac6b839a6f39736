package com.superkabe.testsmtp;

/**
 * What the peer does at a scripted step: reply with a line ({@code "451 4.7.1 greylisted"}), accept as
 * a normal server would, or drop the connection without replying. A 421 reply also closes the
 * connection afterwards, as RFC 5321 §3.8 has servers do.
 */
public record Answer(String reply, boolean drop) {

    public Answer {
        if (reply != null && (reply.length() < 3 || !Character.isDigit(reply.charAt(0)))) {
            throw new IllegalArgumentException("reply must start with a 3-digit code: " + reply);
        }
        if (reply != null && (reply.indexOf('\r') >= 0 || reply.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("reply must be one line");
        }
    }

    /** Replies with this line, e.g. {@code "550 5.1.1 user unknown"}. */
    public static Answer reply(String line) {
        return new Answer(line, false);
    }

    /** Does what an accepting server would do at this step. */
    public static Answer accept() {
        return new Answer(null, false);
    }

    /** Closes the connection without a reply (after reading the message, at the DATA step). */
    public static Answer dropConnection() {
        return new Answer(null, true);
    }

    boolean closesAfterReply() {
        return reply != null && reply.startsWith("421");
    }
}
