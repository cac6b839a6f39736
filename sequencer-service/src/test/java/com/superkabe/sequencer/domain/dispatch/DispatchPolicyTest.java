package com.superkabe.sequencer.domain.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.sequencer.domain.dispatch.DispatchPolicy.Candidate;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Given campaign rules, mailbox limits and the sends already made, when the dispatcher considers the
 * due runs at a logical instant, then it sends or holds each one (seed 002, "Sending Window & Daily Caps").
 */
class DispatchPolicyTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** Sends already made: (campaign, mailbox, instant). Usage is counted from them, as the ledger does. */
    private record Sent(String campaignId, String mailboxId, Instant at) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, CampaignRules> campaigns = new HashMap<>();
    private final Map<String, MailboxLimits> mailboxes = new HashMap<>();

    @Test
    void aMailboxAtItsDailySendLimitHoldsTheLeadUntilTheNextUtcDay() {
        mailboxes.put("mb-1", new MailboxLimits(2, null));
        alreadySent("c-other", "mb-1", "2026-03-03T01:00:00Z", "2026-03-03T02:00:00Z");

        assertThat(reason(at("2026-03-03T23:59:00Z", due("r-1", "c-1", "mb-1"))))
                .isEqualTo(HoldReason.MAILBOX_DAILY_LIMIT);
        assertThat(at("2026-03-04T00:00:00Z", due("r-1", "c-1", "mb-1")).getFirst()).isInstanceOf(Verdict.Send.class);
    }

    @Test
    void aCampaignAtItsDailyLimitHoldsTheLeadUntilMidnightInTheCampaignsTimeZone() {
        campaigns.put("c-1", new CampaignRules(new SendWindow(NEW_YORK, null, null, EnumSet.allOf(DayOfWeek.class)),
                2, Map.of(), 0));
        alreadySent("c-1", "mb-1", "2026-03-03T14:00:00Z");
        alreadySent("c-1", "mb-2", "2026-03-03T15:00:00Z");

        assertThat(reason(at("2026-03-04T04:59:00Z", due("r-1", "c-1", "mb-3"))))
                .as("23:59 in New York, already the 4th in UTC").isEqualTo(HoldReason.CAMPAIGN_DAILY_LIMIT);
        assertThat(at("2026-03-04T05:00:00Z", due("r-1", "c-1", "mb-3")).getFirst()).isInstanceOf(Verdict.Send.class);
    }

    @Test
    void aMailboxAtItsOverrideForOneCampaignHoldsThatCampaignsLeadUntilTheNextDayButNotAnotherCampaigns() {
        campaigns.put("c-1", new CampaignRules(SendWindow.ALWAYS, null, Map.of("mb-1", 1), 0));
        alreadySent("c-1", "mb-1", "2026-03-03T09:00:00Z");

        List<Verdict> today = at("2026-03-03T10:00:00Z", due("r-1", "c-1", "mb-1"), due("r-2", "c-2", "mb-1"));

        assertThat(today.get(0)).isEqualTo(new Verdict.Hold("r-1", "mb-1", HoldReason.CAMPAIGN_MAILBOX_LIMIT));
        assertThat(today.get(1)).isInstanceOf(Verdict.Send.class);
        assertThat(at("2026-03-04T00:00:00Z", due("r-1", "c-1", "mb-1")).getFirst()).isInstanceOf(Verdict.Send.class);
    }

    @Test
    void aMailboxInAConstrainedRecoveryPhaseHoldsLeadsOnceItsWarmupLimitIsUsedUntilTheNextDay() {
        mailboxes.put("mb-1", new MailboxLimits(500, 1));
        alreadySent("c-1", "mb-1", "2026-03-03T08:00:00Z");

        assertThat(reason(at("2026-03-03T12:00:00Z", due("r-1", "c-1", "mb-1")))).isEqualTo(HoldReason.WARMUP_LIMIT);
        assertThat(at("2026-03-04T00:01:00Z", due("r-1", "c-1", "mb-1")).getFirst()).isInstanceOf(Verdict.Send.class);
    }

    @Test
    void aWarmupLimitOfZeroSendsNothing() {
        mailboxes.put("mb-1", new MailboxLimits(null, 0));

        assertThat(reason(at("2026-03-03T12:00:00Z", due("r-1", "c-1", "mb-1")))).isEqualTo(HoldReason.WARMUP_LIMIT);
    }

    @Test
    void theSmallestRemainingCapacityWinsAndTheRestAreHeldWithThatCapsName() {
        mailboxes.put("mb-1", new MailboxLimits(5, 10));
        campaigns.put("c-1", new CampaignRules(SendWindow.ALWAYS, 4, Map.of("mb-1", 6), 0));
        alreadySent("c-1", "mb-1", "2026-03-03T08:00:00Z");

        List<Verdict> verdicts = at("2026-03-03T12:00:00Z", due("r-1", "c-1", "mb-1"), due("r-2", "c-1", "mb-1"),
                due("r-3", "c-1", "mb-1"), due("r-4", "c-1", "mb-1"), due("r-5", "c-1", "mb-1"));

        assertThat(verdicts.getFirst()).isEqualTo(new Verdict.Send("r-1", "mb-1", 3));
        assertThat(verdicts).filteredOn(Verdict.Send.class::isInstance).hasSize(3);
        assertThat(verdicts.subList(3, 5)).allMatch(v -> v instanceof Verdict.Hold h
                && h.reason() == HoldReason.CAMPAIGN_DAILY_LIMIT);
    }

    @Test
    void aHeldRunKeepsItsStickyMailboxEvenWhenAnotherMailboxOfTheCampaignHasRoom() {
        mailboxes.put("mb-1", new MailboxLimits(1, null));
        alreadySent("c-1", "mb-1", "2026-03-03T08:00:00Z");

        List<Verdict> verdicts = at("2026-03-03T12:00:00Z", due("r-1", "c-1", "mb-1"), due("r-2", "c-1", "mb-2"));

        assertThat(verdicts).containsExactly(new Verdict.Hold("r-1", "mb-1", HoldReason.MAILBOX_DAILY_LIMIT),
                new Verdict.Send("r-2", "mb-2", Long.MAX_VALUE));
    }

    @Test
    void theWindowIsClosedOnASundayEveningInNewYorkWhileItIsAlreadyMondayInUtc() {
        Instant sundayEveningInNewYork = Instant.parse("2026-01-05T02:00:00Z");
        campaigns.put("c-ny", new CampaignRules(new SendWindow(NEW_YORK, null, null, WEEKDAYS), null, Map.of(), 0));
        campaigns.put("c-utc", new CampaignRules(new SendWindow(ZoneId.of("UTC"), null, null, WEEKDAYS), null,
                Map.of(), 0));

        List<Verdict> verdicts = at(sundayEveningInNewYork, due("r-1", "c-ny", "mb-1"), due("r-2", "c-utc", "mb-2"));

        assertThat(verdicts.get(0)).isEqualTo(new Verdict.Hold("r-1", "mb-1", HoldReason.WINDOW_CLOSED));
        assertThat(verdicts.get(1)).isInstanceOf(Verdict.Send.class);
    }

    @Test
    void onTheDayClocksSpringForwardANineOClockStartIsNineOClockLocalTime() {
        SendWindow nineToFive = new SendWindow(NEW_YORK, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0),
                EnumSet.allOf(DayOfWeek.class));

        assertThat(nineToFive.isOpen(Instant.parse("2026-03-07T13:30:00Z"))).as("08:30 EST").isFalse();
        assertThat(nineToFive.isOpen(Instant.parse("2026-03-08T13:30:00Z"))).as("09:30 EDT").isTrue();
        assertThat(nineToFive.isOpen(Instant.parse("2026-03-08T12:59:00Z"))).as("08:59 EDT").isFalse();
        assertThat(nineToFive.isOpen(Instant.parse("2026-03-08T21:00:00Z"))).as("17:00 EDT, end exclusive").isFalse();
        assertThat(nineToFive.dayOf(Instant.parse("2026-03-08T12:00:00Z")))
                .as("the campaign's day is 23 hours long")
                .isEqualTo(new SendWindow.Day(Instant.parse("2026-03-08T05:00:00Z"),
                        Instant.parse("2026-03-09T04:00:00Z")));
    }

    @Test
    void anOvernightWindowOpensOnAValidDayAndClosesTheNextMorning() {
        SendWindow fridayNight = new SendWindow(ZoneId.of("UTC"), java.time.LocalTime.of(22, 0),
                java.time.LocalTime.of(2, 0), EnumSet.of(DayOfWeek.FRIDAY));

        assertThat(fridayNight.isOpen(Instant.parse("2026-03-06T23:00:00Z"))).as("Friday 23:00").isTrue();
        assertThat(fridayNight.isOpen(Instant.parse("2026-03-07T01:59:00Z"))).as("Saturday 01:59").isTrue();
        assertThat(fridayNight.isOpen(Instant.parse("2026-03-07T23:00:00Z"))).as("Saturday 23:00").isFalse();
        assertThat(fridayNight.isOpen(Instant.parse("2026-03-06T01:00:00Z"))).as("Friday 01:00").isFalse();
    }

    @Test
    void aMailboxWaitsTheSendGapPlusAJitterThatIsFixedByItsLastSend() {
        campaigns.put("c-1", new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 10));
        Instant last = Instant.parse("2026-03-03T12:00:00Z");
        alreadySent("c-1", "mb-1", last.toString());
        java.time.Duration gap = DispatchPolicy.gapAfter("mb-1", last, 10);

        assertThat(gap).isBetween(java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(12));
        assertThat(reason(at(last.plus(gap).minusSeconds(1), due("r-1", "c-1", "mb-1"))))
                .isEqualTo(HoldReason.SEND_GAP);
        assertThat(at(last.plus(gap), due("r-1", "c-1", "mb-1")).getFirst()).isInstanceOf(Verdict.Send.class);
    }

    @Test
    void theJitterVariesBetweenSendsAndStaysWithinAFifthOfTheGap() {
        Instant start = Instant.parse("2026-03-03T12:00:00Z");
        java.util.Set<java.time.Duration> gaps = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            java.time.Duration gap = DispatchPolicy.gapAfter("mb-1", start.plusSeconds(60L * i), 5);
            assertThat(gap).isBetween(java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(6));
            gaps.add(gap);
        }
        assertThat(gaps).as("not one fixed delay").hasSizeGreaterThan(10);
    }

    @Test
    void withASendGapAMailboxSendsOnceInATickAndWithoutOneItSendsEveryDueRun() {
        campaigns.put("gap", new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 3));

        List<Verdict> spaced = at("2026-03-03T12:00:00Z", due("r-1", "gap", "mb-1"), due("r-2", "gap", "mb-1"));
        List<Verdict> burst = at("2026-03-03T12:00:00Z", due("r-3", "none", "mb-2"), due("r-4", "none", "mb-2"));

        assertThat(spaced.get(1)).isEqualTo(new Verdict.Hold("r-2", "mb-1", HoldReason.SEND_GAP));
        assertThat(burst).allMatch(Verdict.Send.class::isInstance);
    }

    @Test
    void aMailboxSharedWithAGapThirtyCampaignHoldsAGapZeroCampaignsRunUntilThatGapIsOver() {
        campaigns.put("c-spaced", new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 30));
        Instant last = Instant.parse("2026-03-03T12:00:00Z");
        alreadySent("c-spaced", "mb-1", last.toString());
        Instant next = DispatchPolicy.nextSendAt("mb-1", last, 30);

        assertThat(reason(at(last.plusSeconds(60), due("r-1", "c-burst", "mb-1")))).isEqualTo(HoldReason.SEND_GAP);
        assertThat(reason(at(next.minusSeconds(1), due("r-1", "c-burst", "mb-1")))).isEqualTo(HoldReason.SEND_GAP);
        assertThat(at(next, due("r-1", "c-burst", "mb-1")).getFirst()).isInstanceOf(Verdict.Send.class);
    }

    @Test
    void withinOneTickASendOfAGapCampaignHoldsTheNextRunOfAnyCampaignOnThatMailbox() {
        campaigns.put("c-spaced", new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 30));

        List<Verdict> verdicts = at("2026-03-03T12:00:00Z", due("r-1", "c-spaced", "mb-1"),
                due("r-2", "c-burst", "mb-1"), due("r-3", "c-burst", "mb-2"));

        assertThat(verdicts.get(0)).isInstanceOf(Verdict.Send.class);
        assertThat(verdicts.get(1)).isEqualTo(new Verdict.Hold("r-2", "mb-1", HoldReason.SEND_GAP));
        assertThat(verdicts.get(2)).isInstanceOf(Verdict.Send.class);
    }

    private void alreadySent(String campaignId, String mailboxId, String... instants) {
        for (String at : instants) {
            sent.add(new Sent(campaignId, mailboxId, Instant.parse(at)));
        }
    }

    private static Candidate due(String runId, String campaignId, String mailboxId) {
        return new Candidate(runId, campaignId, mailboxId);
    }

    private List<Verdict> at(String now, Candidate... due) {
        return at(Instant.parse(now), due);
    }

    /** Counts today's usage the way the application does (mailbox: UTC day; campaign: its own day). */
    private List<Verdict> at(Instant now, Candidate... due) {
        SendWindow.Day mailboxDay = DispatchPolicy.mailboxDay(now);
        Map<String, Integer> byMailbox = new HashMap<>();
        Map<String, Integer> byCampaign = new HashMap<>();
        Map<String, Integer> byPair = new HashMap<>();
        Map<String, Instant> last = new HashMap<>();
        Map<String, Instant> next = new HashMap<>();
        for (Sent s : sent) {
            SendWindow.Day campaignDay = campaigns.getOrDefault(s.campaignId(), CampaignRules.UNLIMITED).window()
                    .dayOf(now);
            if (in(mailboxDay, s.at())) {
                byMailbox.merge(s.mailboxId(), 1, Integer::sum);
            }
            if (in(campaignDay, s.at())) {
                byCampaign.merge(s.campaignId(), 1, Integer::sum);
                byPair.merge(Usage.pair(s.campaignId(), s.mailboxId()), 1, Integer::sum);
            }
            last.merge(s.mailboxId(), s.at(), (a, b) -> a.isAfter(b) ? a : b);
            next.merge(s.mailboxId(), DispatchPolicy.nextSendAt(s.mailboxId(), s.at(), campaigns.getOrDefault(
                    s.campaignId(), CampaignRules.UNLIMITED).sendGapMinutes()), (a, b) -> a.isAfter(b) ? a : b);
        }
        return new DispatchPolicy(now, campaigns, mailboxes, new Usage(byMailbox, byCampaign, byPair, last, next))
                .decide(List.of(due));
    }

    private static boolean in(SendWindow.Day day, Instant at) {
        return !at.isBefore(day.from()) && at.isBefore(day.to());
    }

    private static HoldReason reason(List<Verdict> verdicts) {
        return ((Verdict.Hold) verdicts.getFirst()).reason();
    }
}
