package com.superkabe.protection.bench;

import com.superkabe.protection.domain.MailboxCommand;
import com.superkabe.protection.domain.MailboxDecider;
import com.superkabe.protection.domain.MailboxDecision;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.OutcomeClass;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.RecipientEsp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the pure mailbox decider replaying 1,000,000 recorded outcomes in memory over
 * 10,000 mailboxes (~2% bounces, a tick every 1,000 outcomes) — the basis of what-if replay. Run:
 * {@code mvn -f protection-service test -Dtest=DeciderReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DeciderReplayBenchmark {

    @Test
    void replaysAMillionOutcomes() {
        ProtectionPolicy p = ProtectionPolicy.defaults(60);
        int mailboxes = 10_000;
        List<MailboxCommand> history = new ArrayList<>(1_000_000);
        int[] target = new int[1_000_000];
        long seed = 42;
        for (int i = 0; i < 1_000_000; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int r = (int) ((seed >>> 33) % 1000);
            target[i] = (int) ((seed >>> 13) % mailboxes);
            history.add(i % 1000 == 0 ? new MailboxCommand.Tick(i / 1000)
                    : new MailboxCommand.RecordOutcome(r < 20 ? OutcomeClass.COUNTED_BOUNCE : OutcomeClass.CLEAN,
                    RecipientEsp.values()[r % 4], i / 1000, false));
        }
        for (int round = 0; round < 3; round++) {
            MailboxState[] states = new MailboxState[mailboxes];
            for (int m = 0; m < mailboxes; m++) {
                states[m] = MailboxDecider.decide(MailboxState.unknown("mb-" + m, "org-1", p),
                        new MailboxCommand.Register("mb-" + m + "@d" + (m % 1000) + ".test", "d" + (m % 1000) + ".test",
                                false, 0), p).state();
            }
            long transitions = 0;
            long start = System.nanoTime();
            for (int i = 0; i < history.size(); i++) {
                MailboxDecision d = MailboxDecider.decide(states[target[i]], history.get(i), p);
                states[target[i]] = d.state();
                transitions += d.transitions().size();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("PROTECTION decider replay round %d: %,d outcomes in %.3f s = %,.0f events/s, %,d "
                    + "transitions%n", round, history.size(), secs, history.size() / secs, transitions);
        }
    }
}
