package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.WireRecord;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.mailbox.MailboxConnectionChanged;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.protection.MailboxWarmupLimitSet;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.send.EmailClicked;
import com.superkabe.events.send.EmailOpened;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailUnsubscribed;
import com.superkabe.protection.application.replay.ProtectionReplay;
import com.superkabe.protection.domain.ProtectionPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Protection's replay split by organization reaches what one thread reaches, or says it cannot. */
class ProtectionShardsTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final ProtectionPolicy POLICY = ProtectionPolicy.defaults(60);
    /** Two organizations that fall in different shards of two. */
    private static final String ORG_A = org(0);
    private static final String ORG_B = org(1);

    @Test
    void twoShardsReachTheSameTransitionsAsOneThread() {
        List<Recorded> history = new ArrayList<>();
        history.addAll(pausedMailbox(ORG_A, "mb-a"));
        history.addAll(pausedMailbox(ORG_B, "mb-b"));
        history.add(record(new ClockTicked(2, Instant.parse("2026-01-01T00:02:00Z"), 60), 2));

        ProtectionHistory.Pass one = new ProtectionHistory.Pass(POLICY);
        history.forEach(one);
        ProtectionShards two = new ProtectionShards(POLICY, 2);
        history.forEach(two);
        ProtectionHistory.Pass joined = two.finish();

        assertThat(one.replayed).containsKeys("mailbox:mb-a", "mailbox:mb-b");
        assertThat(joined).isNotNull();
        assertThat(joined.replayed).isEqualTo(one.replayed);
        assertThat(joined.inputs).isEqualTo(one.inputs);
        assertThat(joined.records).isEqualTo(one.records);
    }

    @Test
    void theServicesRecordedSettingsReachEveryShard() {
        List<Recorded> history = new ArrayList<>();
        history.add(record(new com.superkabe.events.protection.ProtectionSettingsPublished(60, "ENFORCE",
                com.superkabe.protection.domain.RecordedPolicy.settings(POLICY.withCooldowns(List.of(2L, 4L, 8L))), 0),
                0));
        history.addAll(pausedMailbox(ORG_A, "mb-a"));
        history.addAll(pausedMailbox(ORG_B, "mb-b"));
        for (long t = 2; t <= 4; t++) {
            history.add(record(new ClockTicked(t, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * t), 60), t));
        }

        ProtectionHistory.Pass one = new ProtectionHistory.Pass(POLICY);
        history.forEach(one);
        ProtectionShards two = new ProtectionShards(POLICY, 2);
        history.forEach(two);
        ProtectionHistory.Pass joined = two.finish();

        // the 2-tick cooldown, not the default day, in both organizations' shards
        for (String mailbox : List.of("mailbox:mb-a", "mailbox:mb-b")) {
            assertThat(joined.replayed.get(mailbox)).anyMatch(s -> s.compared().equals(
                    "paused -> quarantine [cooldown_expired]"));
        }
        assertThat(joined.replayed).isEqualTo(one.replayed);
        assertThat(joined.inputs).isEqualTo(one.inputs);
        assertThat(joined.recorded().settings()).isEqualTo(1);
    }

    @Test
    void aMailboxIdUsedByOrganizationsOfTwoShardsMakesTheSplitGiveUp() {
        List<Recorded> history = new ArrayList<>(pausedMailbox(ORG_A, "mb-same"));
        history.addAll(pausedMailbox(ORG_B, "mb-same"));

        ProtectionShards two = new ProtectionShards(POLICY, 2);
        history.forEach(two);

        assertThat(two.finish()).isNull();
    }

    @Test
    void theTypesWhosePayloadsAreNeverDecodedAreNoInputOfProtection() {
        List<SuperkabeEvent> ignored = List.of(
                new EmailOpened("o", "s", "r", "c", "l", "m", 0, "a@b.test", "<m@x>"),
                new EmailClicked("o", "s", "r", "c", "l", "m", 0, "a@b.test", "<m@x>", "https://x.test"),
                new EmailUnsubscribed("o", "s", "r", "c", "l", "m", 0, "a@b.test", "<m@x>", "link"),
                new ReplyReceived("o", "rep", "m", "s", "r", "l", "<m@x>", "a@b.test", "Re: hi"),
                new MailboxConnectionChanged("o", "m", false, "auth"),
                new MailboxWarmupLimitSet("o", "m", "warming", true, 20, 1, "warm-up"),
                new com.superkabe.events.protection.ProtectionModeChanged("o", "OBSERVE", "ENFORCE", "apikey:1",
                        "trial over", 1),
                new com.superkabe.events.protection.ProtectionWatermark(1));

        assertThat(ignored.stream().map(EventType::of).toList())
                .containsExactlyInAnyOrderElementsOf(ProtectionHistory.IGNORED);
        assertThat(ignored).noneMatch(ProtectionReplay::isInput);
    }

    private static List<Recorded> pausedMailbox(String org, String mailbox) {
        List<Recorded> out = new ArrayList<>();
        out.add(record(new MailboxRegistered(org, mailbox, mailbox + "@" + org + ".test", org + ".test", "smtp", 50,
                null, null), 0));
        for (int i = 0; i < 8; i++) {
            out.add(record(new EmailSendFailed(org, mailbox + "-s" + i, "run-" + i, "c-1", "lead-" + i, mailbox, 0,
                    "lead" + i + "@corp" + i + ".test", "HARD_BOUNCE", 550, "5.1.1 user unknown", 1), 1));
        }
        return out;
    }

    private static int sequence;

    private static Recorded record(SuperkabeEvent payload, long tick) {
        String id = "e-" + sequence++;
        WireRecord w = CODEC.encode(new Envelope(id, EventType.of(payload), "test",
                Instant.parse("2026-01-01T00:00:00Z").plusMillis(sequence), payload.orgId(), null, id, tick, payload));
        return new Recorded(w.topic(), 0, sequence, 1_767_225_600_000L + sequence, w.key(), w.headers(), Map.of(),
                w.value(), null, null);
    }

    private static String org(int shard) {
        for (int i = 0; ; i++) {
            String org = "org-" + i;
            if (Math.floorMod(org.hashCode(), 2) == shard) {
                return org;
            }
        }
    }
}
