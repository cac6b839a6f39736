package com.superkabe.protection.application.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.protection.DnsVerdict;
import com.superkabe.events.protection.MailboxDnsChecked;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.ProtectionSettingsPublished;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.protection.domain.PolicyOverrides;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.RecordedPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records of ADR 0064 as replay inputs: the service's settings, an organization's policy, an operator's move. */
class RecordedInputsReplayTest {

    static final ProtectionPolicy DEFAULTS = ProtectionPolicy.defaults(60);
    static final String ORG = "org-r";

    @Test
    void aRecordedCooldownDecidesWhenAPausedMailboxLeavesPausedNotTheDefaultOne() {
        List<SuperkabeEvent> history = new ArrayList<>();
        history.add(new ProtectionSettingsPublished(60, "ENFORCE",
                RecordedPolicy.settings(DEFAULTS.withCooldowns(List.of(3L, 9L, 27L))), 0));
        history.addAll(pausedByFiveBounces("mb-1"));
        ticks(history, 2, 6);

        assertThat(transitions(new ProtectionReplay(DEFAULTS), history, "mb-1"))
                .contains("paused -> quarantine [cooldown_expired]");
        // without the record: the product's day-long cooldown, nothing leaves paused in five ticks
        assertThat(transitions(new ProtectionReplay(DEFAULTS), history.subList(1, history.size()), "mb-1"))
                .noneMatch(t -> t.startsWith("paused ->"));
    }

    @Test
    void anOrganizationsRecordedPolicyPausesWhereTheServicesSettingsWouldNot() {
        List<SuperkabeEvent> history = new ArrayList<>();
        history.add(register("mb-1", "p.test"));
        history.add(RecordedPolicy.changed(ORG, new PolicyOverrides(1, null, 2, null, null, null), false, "apikey:1",
                "stricter", 1));
        history.add(bounce("mb-1", "b-1"));
        history.add(bounce("mb-1", "b-2"));

        assertThat(transitions(new ProtectionReplay(DEFAULTS), history, "mb-1")).contains("warning -> paused "
                + "[bounce_threshold]");
        // another organization keeps the service's settings
        assertThat(new ProtectionReplay(DEFAULTS).policy("org-other").pauseBounces()).isEqualTo(5);
    }

    @Test
    void anOperatorsPublishedPauseIsMadeAgainAndItsDomainReEvaluated() {
        List<SuperkabeEvent> history = new ArrayList<>();
        for (String id : List.of("mb-1", "mb-2", "mb-3")) {
            history.add(register(id, "op.test"));
        }
        history.add(new MailboxStateChanged(ORG, "mb-2", "op.test", "healthy", "paused", "operator", "spam trap",
                "ENFORCE", true, "apikey:1", true, "Forced transition: no safety check was pending", 1, 1441, false,
                false));

        ProtectionReplay replay = new ProtectionReplay(DEFAULTS);
        List<ProtectionReplay.Decision> decided = new ArrayList<>();
        history.forEach(e -> decided.addAll(replay.apply("", e)));

        assertThat(decided).anySatisfy(d -> {
            assertThat(d.entityKey()).isEqualTo("mailbox:mb-2");
            assertThat(d.transition().to()).isEqualTo("paused");
            assertThat(d.transition().trigger()).isEqualTo("operator");
        });
        assertThat(replay.states()).containsEntry("mailbox:mb-2", "paused")
                .containsEntry("domain:" + ORG + "/op.test", "warning");
        assertThat(replay.recorded().operatorActions()).isEqualTo(1);
    }

    @Test
    void aRecordedFailedDnsCheckKeepsTheMailboxInQuarantineWhereAnUnrecordedOneIsAssumedToPass() {
        List<SuperkabeEvent> history = new ArrayList<>();
        history.add(new ProtectionSettingsPublished(60, "ENFORCE",
                RecordedPolicy.settings(DEFAULTS.withCooldowns(List.of(3L, 9L, 27L))), 0));
        history.addAll(pausedByFiveBounces("mb-1"));
        ticks(history, 2, 6);
        DnsChecks failing = DnsChecks.inOrder();
        for (long t = 4; t <= 6; t++) {
            failing.add(new MailboxDnsChecked(ORG, "mb-1", "c.test", DnsVerdict.FAIL, "DMARC: missing", t));
        }

        List<String> recorded = transitions(new ProtectionReplay(DEFAULTS).withDnsChecks(failing), history, "mb-1");
        List<String> assumed = transitions(new ProtectionReplay(DEFAULTS), history, "mb-1");

        assertThat(recorded).contains("paused -> quarantine [cooldown_expired]")
                .noneMatch(t -> t.startsWith("quarantine ->"));
        assertThat(failing.fromRecord()).isPositive();
        assertThat(failing.assumed()).isZero();
        assertThat(assumed).contains("quarantine -> restricted_send [dns_check]");
    }

    @Test
    void aStateChangeProtectionDecidedItselfIsNotAnInput() {
        assertThat(ProtectionReplay.isInput(new MailboxStateChanged(ORG, "mb-1", "x.test", "warning", "paused",
                "bounce_threshold", "5 bounces", "ENFORCE", true, "system", false, null, 3, 1443, false, false)))
                .isFalse();
    }

    private static List<String> transitions(ProtectionReplay replay, List<SuperkabeEvent> history, String mailbox) {
        List<String> out = new ArrayList<>();
        for (SuperkabeEvent e : history) {
            replay.apply("", e).stream().filter(d -> d.entityKey().equals("mailbox:" + mailbox))
                    .forEach(d -> out.add(d.transition().from() + " -> " + d.transition().to() + " ["
                            + d.transition().trigger() + "]"));
        }
        return out;
    }

    private static List<SuperkabeEvent> pausedByFiveBounces(String id) {
        List<SuperkabeEvent> h = new ArrayList<>();
        h.add(new ClockTicked(1, Instant.parse("2026-01-01T00:01:00Z"), 60));
        h.add(register(id, "c.test"));
        for (int i = 0; i < 20; i++) {
            h.add(new EmailSent(ORG, "ok-" + i, "run-" + i, "c-1", "lead-" + i, id, 0, "ada@lead.test", "<" + i + "@c>",
                    1));
        }
        for (int i = 0; i < 5; i++) {
            h.add(bounce(id, "bad-" + i));
        }
        return h;
    }

    private static void ticks(List<SuperkabeEvent> history, long from, long to) {
        for (long t = from; t <= to; t++) {
            history.add(new ClockTicked(t, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * t), 60));
        }
    }

    private static MailboxRegistered register(String id, String domain) {
        return new MailboxRegistered(ORG, id, id + "@" + domain, domain, "smtp", 50, null, null);
    }

    private static EmailSendFailed bounce(String id, String sendId) {
        return new EmailSendFailed(ORG, sendId, "run-" + sendId, "c-1", "lead-" + sendId, id, 0, sendId + "@lead.test",
                "HARD_BOUNCE", 550, "5.1.1 user unknown", 1);
    }
}
