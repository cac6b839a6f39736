package com.superkabe.testsmtp;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scripted answers, consumed one per occurrence: the first RCPT for a recipient takes the first
 * answer, the second RCPT (the retry) the second, and so on; once a queue is empty the peer accepts.
 * A recipient's own queue is consulted before the queue for any recipient.
 */
final class Script {

    private static final String ANY = "";
    private final Map<String, Deque<Answer>> queues = new HashMap<>();

    synchronized void add(Step step, String recipient, List<Answer> answers) {
        queues.computeIfAbsent(key(step, recipient), k -> new ArrayDeque<>()).addAll(answers);
    }

    /** The next answer at a step that concerns no recipient (greeting, AUTH, MAIL). */
    synchronized Answer next(Step step) {
        return poll(key(step, ANY));
    }

    /** The next answer at a step for these recipients (RCPT has one, DATA all of the transaction's). */
    synchronized Answer next(Step step, Collection<String> recipients) {
        for (String r : recipients) {
            Answer a = poll(key(step, r));
            if (a != null) {
                return a;
            }
        }
        return poll(key(step, ANY));
    }

    private Answer poll(String key) {
        Deque<Answer> q = queues.get(key);
        return q == null ? null : q.pollFirst();
    }

    private static String key(Step step, String recipient) {
        return step + "/" + (recipient == null ? ANY : recipient.toLowerCase(Locale.ROOT));
    }
}
