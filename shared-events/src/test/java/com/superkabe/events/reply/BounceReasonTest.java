package com.superkabe.events.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.events.reply.BounceReason.Action;
import org.junit.jupiter.api.Test;

class BounceReasonTest {

    @Test
    void onlyAPermanentUnknownUserOrHostSuppressesTheAddress() {
        for (BounceReason r : BounceReason.values()) {
            boolean suppresses = r == BounceReason.USER_UNKNOWN || r == BounceReason.HOST_UNKNOWN;
            assertThat(r.bounceClass(true)).as(r.name()).isEqualTo(suppresses ? "HARD" : "SOFT");
            assertThat(r.action(true) == Action.SUPPRESS_ADDRESS).as(r.name()).isEqualTo(suppresses);
            assertThat(r.bounceClass(false)).as(r.name() + " temporary").isEqualTo("SOFT");
        }
    }

    @Test
    void aTemporaryUnknownUserIsRetriedNotSuppressed() {
        assertThat(BounceReason.USER_UNKNOWN.action(false)).isEqualTo(Action.RETRY);
    }

    @Test
    void senderSideReasonsProtectTheSenderAndNeverSuppress() {
        for (BounceReason r : new BounceReason[] {BounceReason.POLICY_BLOCK, BounceReason.AUTH_FAILURE,
                BounceReason.RATE_LIMITED, BounceReason.CONTENT_REJECTED}) {
            assertThat(r.countsAgainstSender()).as(r.name()).isTrue();
            assertThat(r.action(true)).as(r.name()).isEqualTo(Action.PROTECT_SENDER);
            assertThat(r.action(false)).as(r.name()).isEqualTo(Action.PROTECT_SENDER);
        }
    }

    @Test
    void mailboxFullAndExpiredAreRetriedAndOtherPermanentIsOnlyRecorded() {
        assertThat(BounceReason.MAILBOX_FULL.action(true)).isEqualTo(Action.RETRY);
        assertThat(BounceReason.EXPIRED.action(false)).isEqualTo(Action.RETRY);
        assertThat(BounceReason.OTHER.action(true)).isEqualTo(Action.RECORD_ONLY);
        assertThat(BounceReason.OTHER.action(false)).isEqualTo(Action.RETRY);
        assertThat(BounceReason.MAILBOX_FULL.countsAgainstSender()).isFalse();
    }

    @Test
    void aHardBounceMustCarryAnAddressReason() {
        assertThatThrownBy(() -> new EmailBounced("org-1", "b-1", "mb-1", null, null, null, null, "a@b.test", "HARD",
                "5.7.1", 550, "blocked", null, null, null, BounceReason.POLICY_BLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POLICY_BLOCK");
    }
}
