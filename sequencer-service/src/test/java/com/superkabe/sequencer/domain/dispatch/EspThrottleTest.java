package com.superkabe.sequencer.domain.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Given a mailbox's rate to an ESP, when the ESP defers or stays quiet, then the rate halves or doubles back. */
class EspThrottleTest {

    @Test
    void onlyDeferralsThatSpeakOfRateCountAndGreylistingNeverDoes() {
        assertThat(EspThrottle.isRateDeferral(451, "451 4.7.1 Greylisted, please try again later", null)).isFalse();
        assertThat(EspThrottle.isRateDeferral(450, "450 4.2.1 mailbox temporarily unavailable", null)).isFalse();
        assertThat(EspThrottle.isRateDeferral(421, "421 4.7.0 Try again later, closing connection", null)).isTrue();
        assertThat(EspThrottle.isRateDeferral(451, "4.7.28 Our system has detected an unusual rate of mail", null))
                .isTrue();
        assertThat(EspThrottle.isRateDeferral(451, "451 4.7.650 The mail server has been temporarily rate limited",
                null)).isTrue();
        assertThat(EspThrottle.isRateDeferral(0, "Gmail API 429 userRateLimitExceeded", 30L)).isTrue();
        assertThat(EspThrottle.isRateDeferral(451, "451 4.3.0 corporate policy, try later", null)).isFalse();
        assertThat(EspThrottle.isRateDeferral(450, "450 4.2.1 The user you are trying to contact is receiving mail "
                + "at a rate that prevents additional messages", null)).isFalse();
        assertThat(EspThrottle.isRateDeferral(452, "452 4.5.3 Too many recipients", null)).isTrue();
    }

    @Test
    void aFirstDeferralHalvesWhatTheMailboxSentToTheEspInTheLastHour() {
        assertThat(EspThrottle.deferred(Optional.empty(), 40, 6, 7)).isEqualTo(new EspThrottle(1, 20, 7));
        assertThat(EspThrottle.deferred(Optional.empty(), 0, 6, 7)).as("a quiet pair still gets a limit")
                .isEqualTo(new EspThrottle(1, 1, 7));
    }

    @Test
    void deferralsOfLaterSendsHalveAgainDownToTheLowestLevelThenOnlyRestartTheQuietPeriod() {
        EspThrottle t = new EspThrottle(1, 20, 7);
        t = EspThrottle.deferred(Optional.of(t), 99, 8, 8);
        assertThat(t).isEqualTo(new EspThrottle(2, 10, 8));
        t = EspThrottle.deferred(Optional.of(t), 99, 9, 9);
        t = EspThrottle.deferred(Optional.of(t), 99, 10, 10);
        assertThat(t).isEqualTo(new EspThrottle(4, 2, 10));
        assertThat(EspThrottle.deferred(Optional.of(t), 99, 11, 11)).isEqualTo(new EspThrottle(4, 2, 11));
    }

    @Test
    void aBurstOfDeferralsOfSendsMadeBeforeTheLastChangeHalvesTheRateOnlyOnce() {
        EspThrottle first = EspThrottle.deferred(Optional.empty(), 20, 5, 7);

        EspThrottle again = EspThrottle.deferred(Optional.of(first), 20, 5, 7);

        assertThat(again).isEqualTo(new EspThrottle(1, 10, 7));
    }

    @Test
    void unknownAndOtherProvidersAreNeverThrottledAsOne() {
        assertThat(EspThrottle.throttleable(com.superkabe.events.lead.RecipientEsp.UNKNOWN)).isFalse();
        assertThat(EspThrottle.throttleable(com.superkabe.events.lead.RecipientEsp.OTHER)).isFalse();
        assertThat(EspThrottle.throttleable(com.superkabe.events.lead.RecipientEsp.GOOGLE)).isTrue();
    }

    @Test
    void aQuietPeriodDoublesTheRateBackOneStepAtATimeUntilTheThrottleIsLifted() {
        EspThrottle t = new EspThrottle(2, 10, 100);

        assertThat(t.recoveryDue(159, 60)).isFalse();
        assertThat(t.recoveryDue(160, 60)).isTrue();
        EspThrottle once = t.recovered(160).orElseThrow();
        assertThat(once).isEqualTo(new EspThrottle(1, 20, 160));
        assertThat(once.recovered(220)).isEmpty();
    }
}
