package com.superkabe.replypoller.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private final PollSchedule schedule = new PollSchedule(Duration.ofSeconds(2), 4, 2);

    @Test
    void givenOneOrganizationWithTwelveHangingMailboxes_whenPollsStart_thenItHoldsTwoWorkersAndTheOtherOrganizationIsPolled() {
        List<PolledMailbox> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(mailbox("org-noisy", "mb-hole-" + i));
        }
        all.add(mailbox("org-quiet", "mb-quiet"));

        List<PolledMailbox> first = schedule.start(all, T0);
        // the noisy ones hang: none finishes; the quiet one finishes and is due again two seconds later
        schedule.finished(mailbox("org-quiet", "mb-quiet"), T0.plusMillis(100));
        List<PolledMailbox> early = schedule.start(all, T0.plusSeconds(1));
        List<PolledMailbox> again = schedule.start(all, T0.plusMillis(2100));

        assertThat(first).extracting(PolledMailbox::mailboxId).containsExactly("mb-hole-0", "mb-hole-1", "mb-quiet");
        assertThat(early).isEmpty();
        assertThat(again).extracting(PolledMailbox::mailboxId).containsExactly("mb-quiet");
    }

    @Test
    void givenAMailboxStillRunning_whenTheNextDispatchComes_thenItIsNotStartedTwice() {
        List<PolledMailbox> one = List.of(mailbox("org-1", "mb-1"));

        assertThat(schedule.start(one, T0)).hasSize(1);
        assertThat(schedule.start(one, T0.plusSeconds(10))).isEmpty();
        schedule.finished(one.getFirst(), T0.plusSeconds(10));
        assertThat(schedule.start(one, T0.plusSeconds(12))).hasSize(1);
    }

    private static PolledMailbox mailbox(String org, String id) {
        return new PolledMailbox(id, org, id + "@acme.test", null);
    }
}
