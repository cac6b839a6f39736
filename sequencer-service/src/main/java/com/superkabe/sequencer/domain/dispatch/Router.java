package com.superkabe.sequencer.domain.dispatch;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * ESP-aware routing (seed 002; ADR 0019): each mailbox that may send a run now is scored
 * {@code 0.6 × capacity + 0.4 × performance}, capacity being its smallest remaining daily cap
 * normalised over the candidates (the largest is 1), performance its record with the recipient's ESP
 * over the last 30 days. The highest score wins; ties go to the mailbox whose hash with the run is
 * smallest, so equal mailboxes share the load and replay chooses the same.
 */
public final class Router {

    static final double CAPACITY_WEIGHT = 0.6;
    static final double PERFORMANCE_WEIGHT = 0.4;
    /** Unlimited capacity counts as this many sends, so a capped mailbox still scores above zero. */
    static final long UNLIMITED = 10_000;

    /** A mailbox that may send the run now: its smallest remaining cap and its record with the run's ESP. */
    public record Option(String mailboxId, long remaining, EspRecord record) {
    }

    /** The chosen mailbox and why, in words the run's audit trail keeps. */
    public record Choice(String mailboxId, double score, String why) {
    }

    private Router() {
    }

    public static Optional<Choice> choose(String runId, List<Option> options) {
        if (options.isEmpty()) {
            return Optional.empty();
        }
        long most = options.stream().mapToLong(o -> capped(o.remaining())).max().orElse(1);
        Comparator<Option> byScore = Comparator.comparingDouble(o -> score(o, most));
        Option best = options.stream()
                .max(byScore.thenComparing(o -> -tieBreak(runId, o.mailboxId()), Comparator.naturalOrder()))
                .orElseThrow();
        double score = score(best, most);
        return Optional.of(new Choice(best.mailboxId(), score, String.format(java.util.Locale.ROOT,
                "score %.3f (capacity %d/%d, ESP performance %.3f over %d sends) among %d mailboxes",
                score, capped(best.remaining()), most, best.record().performance(), best.record().attempts(),
                options.size())));
    }

    static double score(Option o, long most) {
        double capacity = most <= 0 ? 0 : (double) capped(o.remaining()) / most;
        return CAPACITY_WEIGHT * capacity + PERFORMANCE_WEIGHT * o.record().performance();
    }

    private static long capped(long remaining) {
        return Math.max(0, Math.min(remaining, UNLIMITED));
    }

    private static long tieBreak(String runId, String mailboxId) {
        return com.superkabe.sequencer.domain.Spintax.hash("route/" + runId + "/" + mailboxId) >>> 1;
    }
}
