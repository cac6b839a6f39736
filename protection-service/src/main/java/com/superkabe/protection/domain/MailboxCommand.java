package com.superkabe.protection.domain;

/** The inputs of the mailbox state machine. Every one carries the logical tick it is decided at. */
public sealed interface MailboxCommand {

    long tick();

    /** The send adapter registered the mailbox ({@code warming}: start in the warming ramp). */
    record Register(String address, String domain, boolean warming, long tick) implements MailboxCommand {
    }

    /** One send outcome, classified by {@link BounceRule}; {@code esp} is the recipient's provider. */
    record RecordOutcome(OutcomeClass outcome, RecipientEsp esp, long tick, boolean providerScope)
            implements MailboxCommand {
        /** The same outcome, after the correlation check put the breach at provider scope. */
        public RecordOutcome atProviderScope() {
            return new RecordOutcome(outcome, esp, tick, true);
        }
    }

    /** A recipient reported one of the mailbox's messages as spam (an ARF complaint), decided at {@code tick}. */
    record RecordComplaint(long tick) implements MailboxCommand {
    }

    /** The logical clock advanced. */
    record Tick(long tick) implements MailboxCommand {
    }

    /** The quarantine's DNS checks for the mailbox's domain finished: passed, failed or unknown. */
    record DnsChecked(boolean passed, String detail, long tick) implements MailboxCommand {

        /** The check decided from its recorded answer (ADR 0064): only a PASS passes. */
        public static DnsChecked of(com.superkabe.events.protection.MailboxDnsChecked answer) {
            return of(answer, answer.tick());
        }

        /** The recorded answer applied at {@code tick} (a replay that reaches the check at another tick). */
        public static DnsChecked of(com.superkabe.events.protection.MailboxDnsChecked answer, long tick) {
            return new DnsChecked(answer.verdict() == com.superkabe.events.protection.DnsVerdict.PASS,
                    answer.detail(), tick);
        }
    }

    /** An operator asks for {@code target}; {@code force} allows skipping safety checks. */
    record Operator(MailboxStatus target, String reason, String actor, boolean force, long tick)
            implements MailboxCommand {
    }

    /** The mailbox's domain was paused (cascade) or recovered. */
    record DomainCascade(boolean paused, String reason, long tick) implements MailboxCommand {
    }
}
