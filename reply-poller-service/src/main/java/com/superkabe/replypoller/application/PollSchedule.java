package com.superkabe.replypoller.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which mailboxes to poll now (ADR 0027). Each mailbox is polled {@code interval} after its last poll
 * ended, never twice at once; at most {@code parallelism} polls run together, and at most
 * {@code perOrganization} of one organization's. A mailbox that hangs until its timeouts therefore holds
 * one worker, and an organization at most {@code perOrganization} of them: the others keep polling
 * every other organization's mailboxes on time. The most overdue mailbox goes first.
 */
public final class PollSchedule {

    private final Duration interval;
    private final int parallelism;
    private final int perOrganization;
    private final Map<String, Instant> due = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    private final Map<String, Integer> runningPerOrganization = new HashMap<>();

    public PollSchedule(Duration interval, int parallelism, int perOrganization) {
        if (parallelism < 1 || perOrganization < 1) {
            throw new IllegalArgumentException("parallelism and perOrganization must be at least 1");
        }
        this.interval = interval;
        this.parallelism = parallelism;
        this.perOrganization = perOrganization;
    }

    /** The mailboxes to poll now, marked running until {@link #finished}. */
    public synchronized List<PolledMailbox> start(List<PolledMailbox> readable, Instant now) {
        Set<String> known = new HashSet<>();
        readable.forEach(m -> known.add(m.mailboxId()));
        due.keySet().removeIf(id -> !known.contains(id) && !running.contains(id));
        List<PolledMailbox> candidates = new ArrayList<>(readable);
        candidates.sort(Comparator.comparing(m -> due.getOrDefault(m.mailboxId(), Instant.MIN)));
        List<PolledMailbox> chosen = new ArrayList<>();
        for (PolledMailbox m : candidates) {
            if (running.size() >= parallelism) {
                break;
            }
            boolean isDue = !due.getOrDefault(m.mailboxId(), Instant.MIN).isAfter(now);
            if (isDue && !running.contains(m.mailboxId())
                    && runningPerOrganization.getOrDefault(m.orgId(), 0) < perOrganization) {
                running.add(m.mailboxId());
                runningPerOrganization.merge(m.orgId(), 1, Integer::sum);
                chosen.add(m);
            }
        }
        return chosen;
    }

    /** The poll of {@code m} ended (well or not); it is due again {@code interval} later. */
    public synchronized void finished(PolledMailbox m, Instant now) {
        running.remove(m.mailboxId());
        runningPerOrganization.computeIfPresent(m.orgId(), (org, n) -> n <= 1 ? null : n - 1);
        due.put(m.mailboxId(), now.plus(interval));
    }
}
