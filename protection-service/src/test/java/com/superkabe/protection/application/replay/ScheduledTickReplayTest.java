package com.superkabe.protection.application.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.reply.ComplaintReceived;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.protection.domain.ComplaintPolicy;
import com.superkabe.protection.domain.ProtectionPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The replay that visits on a tick only the mailboxes whose decision could change (ADR 0056)
 * against the straightforward one that visits every clocked mailbox and every domain on every
 * tick: on generated histories both must decide the same transitions for the same causes, reach
 * the same state for every entity after every event, and give the same golden lines (limits
 * included).
 */
class ScheduledTickReplayTest {

    private static final String[] RECIPIENTS = {"a@gmail.com", "b@outlook.com", "c@yahoo.com", "d@prospect.test",
            "e@corp.test"};

    @Property(tries = 60)
    void skippingMailboxesTheClockCannotMoveDecidesExactlyAsVisitingEveryMailbox(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ProtectionPolicy policy = policy(rnd);
        List<SuperkabeEvent> history = history(rnd, 1_500 + rnd.nextInt(2_500));

        ProtectionReplay optimised = new ProtectionReplay(policy);
        ProtectionReplay everything = ProtectionReplay.visitingEverything(policy);
        for (int i = 0; i < history.size(); i++) {
            SuperkabeEvent e = history.get(i);
            assertThat(optimised.apply("e" + i, e)).as("decisions of event %d: %s", i, e)
                    .isEqualTo(everything.apply("e" + i, e));
            assertThat(optimised.states()).as("states after event %d", i).isEqualTo(everything.states());
        }
    }

    @Property(tries = 30)
    void theGoldenLinesOfBothWalksAreTheSame(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ProtectionPolicy policy = policy(rnd);
        List<SuperkabeEvent> history = history(rnd, 3_000);

        List<String> optimised = new ProtectionReplay(policy).replay(history);

        assertThat(optimised).isEqualTo(ProtectionReplay.visitingEverything(policy).replay(history));
    }

    @Test
    void aGeneratedHistoryMovesMailboxesThroughTheClockedStates() {
        // guards the generator: the property above is only worth something if ticks decide things
        List<String> lines = new ProtectionReplay(policy(new SplittableRandom(7)))
                .replay(history(new SplittableRandom(7), 4_000));

        assertThat(lines).anyMatch(l -> l.contains("[cooldown_expired]"));
        assertThat(lines).anyMatch(l -> l.contains("[dns_check]"));
        assertThat(lines).anyMatch(l -> l.startsWith("limit "));
    }

    private static ProtectionPolicy policy(SplittableRandom rnd) {
        ProtectionPolicy p = ProtectionPolicy.defaults(21_600).withThresholds(2, 10, 3, 10)
                .withCooldowns(List.of(2L, 5L, 9L)).withWarmNewMailboxes(rnd.nextBoolean());
        return switch (rnd.nextInt(3)) {
            case 0 -> p;
            case 1 -> p.withComplaints(new ComplaintPolicy(100, 500, 20, 1 + rnd.nextInt(3)));
            // loose enough that a warming mailbox keeps sending with a complaint until a day of sends rolls out
            default -> p.withComplaints(new ComplaintPolicy(8_000, 15_000, 5, 2));
        };
    }

    /**
     * Registrations, sends, failures, DSN bounces and complaints over 2 organizations, ticks between
     * them. Only a few mailboxes are active at a time, so the others sit through days of ticks with
     * no input: only the clock can move them then.
     */
    private static List<SuperkabeEvent> history(SplittableRandom rnd, int size) {
        int mailboxes = 3 + rnd.nextInt(12);
        List<SuperkabeEvent> out = new ArrayList<>();
        List<String> sendIds = new ArrayList<>();
        long tick = 0;
        out.add(new ClockTicked(0, Instant.EPOCH, 21_600));
        int[] active = new int[0];
        for (int i = 0; i < size; i++) {
            if (i % 150 == 0) {
                active = rnd.ints(1 + rnd.nextInt(3), 0, mailboxes).toArray();
            }
            int m = rnd.nextInt(4) == 0 ? rnd.nextInt(mailboxes) : active[rnd.nextInt(active.length)];
            String org = "org-" + (m % 2);
            String mailbox = "mb-" + m;
            String recipient = RECIPIENTS[rnd.nextInt(RECIPIENTS.length)];
            String sendId = sendIds.isEmpty() || rnd.nextInt(20) > 0 ? "s" + i : sendIds.get(rnd.nextInt(sendIds.size()));
            int roll = rnd.nextInt(100);
            if (roll < 8) {
                tick += 1 + (rnd.nextInt(10) == 0 ? rnd.nextInt(6) : 0);
                out.add(new ClockTicked(tick, Instant.EPOCH.plusSeconds(tick * 21_600), 21_600));
            } else if (roll < 10 && i % 150 > 100) {
                // a quiet stretch: only ticks
                for (int q = rnd.nextInt(12); q > 0; q--) {
                    out.add(new ClockTicked(++tick, Instant.EPOCH.plusSeconds(tick * 21_600), 21_600));
                }
            } else if (roll < 11) {
                out.add(new MailboxRegistered(org, mailbox, mailbox + "@d" + (m % 3) + ".test", "d" + (m % 3) + ".test",
                        "SMTP", 50, null, null));
            } else if (roll < 70) {
                sendIds.add(sendId);
                out.add(new EmailSent(org, sendId, "r", "c", "l", mailbox, 0, recipient, "<" + sendId + ">",
                        Math.max(0, tick - rnd.nextInt(2))));
            } else if (roll < 82) {
                sendIds.add(sendId);
                String[][] kinds = {{"HARD_BOUNCE", "550", "5.1.1 user unknown"}, {"TRANSIENT", "421", "4.7.0 later"},
                        {"HARD_BOUNCE", "550", "5.7.1 blocked by policy"}, {"CONFIGURATION", "535", "5.7.8 auth"}};
                String[] k = kinds[rnd.nextInt(kinds.length)];
                out.add(new EmailSendFailed(org, sendId, "r", "c", "l", mailbox, 0, recipient, k[0],
                        Integer.parseInt(k[1]), k[2], tick));
            } else if (roll < 93) {
                boolean hard = rnd.nextBoolean();
                String ofSend = rnd.nextInt(4) == 0 || sendIds.isEmpty() ? null : sendIds.get(rnd.nextInt(sendIds.size()));
                out.add(new EmailBounced(org, "b" + i, mailbox, ofSend, "r", "c", "l", recipient, hard ? "HARD" : "SOFT",
                        hard ? "5.1.1" : "4.2.2", hard ? 550 : 452, "x", "diag", "<dsn" + i + ">", "<o>"));
            } else {
                out.add(new ComplaintReceived(org, rnd.nextInt(10) == 0 ? "c0" : "c" + i, mailbox, sendId, "r", "c",
                        "l", recipient, "abuse", "<rep" + i + ">", "<o>"));
            }
        }
        return out;
    }
}
