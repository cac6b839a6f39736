package com.superkabe.gate.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.gate.GateReleaseRequested;
import com.superkabe.events.gate.LeadGateChecked;
import com.superkabe.gate.application.replay.GateReplay;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Golden histories recorded from the gate on a real broker and database (GateServiceIT with
 * {@code -Dgate.history.write=true}): replayed through {@link GateReplay}, the code path the CLI's
 * {@code verify --service gate} uses, they reach the decisions the gate published; each mutated, they
 * do not (ADR 0047).
 */
class GateGoldenHistoryTest {

    private static final List<String> HISTORIES = List.of("held-until-campaign", "paused-then-released",
            "observe-mode", "infra-retries");

    @ParameterizedTest
    @ValueSource(strings = {"held-until-campaign", "paused-then-released", "observe-mode", "infra-retries"})
    void aRecordedHistoryReplaysToTheDecisionsTheGatePublished(String name) throws IOException {
        List<Envelope> history = GateHistoryFiles.read(name);

        GateReplay replay = GateReplay.replay(history);

        assertThat(replay.inputs()).isPositive();
        assertThat(replay.divergences()).isEmpty();
        assertThat(replay.stateHashes()).isNotEmpty().isEqualTo(replay.publishedHashes());
    }

    @Test
    void aChangedCheckAnswerMakesTheReplayDivergeAtThatRecord() throws IOException {
        List<Envelope> history = new ArrayList<>(GateHistoryFiles.read("paused-then-released"));
        int first = indexOfFirstCheck(history);
        LeadGateChecked c = (LeadGateChecked) history.get(first).payload();
        // the first decision saw every mailbox paused; say protection had them healthy instead
        List<LeadGateChecked.Mailbox> healthy = c.mailboxes().stream().map(m -> new LeadGateChecked.Mailbox(
                m.mailboxId(), m.domain(), "healthy", null, m.outcomes(), m.hardBounces(), m.failures(),
                m.sendsLastHour(), m.dailyLimit(), m.domainWarnings())).toList();
        history.set(first, with(history.get(first), new LeadGateChecked(c.orgId(), c.campaignId(), c.lead(),
                c.trigger(), c.tick(), c.attempts(), c.mode(), c.campaign(), healthy, c.domains(),
                c.protectionLagTicks(), c.settings())));

        GateReplay replay = GateReplay.replay(history);

        assertThat(replay.divergences()).isNotEmpty().first().satisfies(d -> {
            assertThat(d.causeId()).isEqualTo(history.get(first).id());
            assertThat(d.index()).isZero();
        });
        assertThat(replay.stateHashes()).isNotEqualTo(replay.publishedHashes());
    }

    @Test
    void aDroppedReleaseRequestIsADivergence() throws IOException {
        List<Envelope> history = new ArrayList<>(GateHistoryFiles.read("paused-then-released"));
        assertThat(history.removeIf(e -> e.payload() instanceof GateReleaseRequested)).isTrue();

        assertThat(GateReplay.replay(history).divergences()).singleElement()
                .satisfies(d -> assertThat(d.actual()).contains("release decision(s) without a request"));
    }

    @Test
    void aDroppedRetryDecisionLeavesTheNextRetryWithTheWrongAttemptCount() throws IOException {
        List<Envelope> history = new ArrayList<>(GateHistoryFiles.read("infra-retries"));
        int first = indexOfFirstCheck(history);
        history.remove(first);

        GateReplay replay = GateReplay.replay(history);

        assertThat(replay.divergences()).isNotEmpty();
        assertThat(replay.stateHashes()).isNotEqualTo(replay.publishedHashes());
    }

    @Test
    void everyGoldenHistoryIsReplayedAbove() {
        assertThat(GateHistoryFiles.DIR.toFile().list()).containsExactlyInAnyOrderElementsOf(
                HISTORIES.stream().map(n -> n + ".jsonl").toList());
    }

    private static int indexOfFirstCheck(List<Envelope> history) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).payload() instanceof LeadGateChecked) {
                return i;
            }
        }
        throw new AssertionError("no LeadGateChecked in the history");
    }

    private static Envelope with(Envelope e, LeadGateChecked payload) {
        return new Envelope(e.id(), e.type(), e.source(), e.time(), e.orgId(), e.causationId(), e.correlationId(),
                e.logicalTime(), payload);
    }
}
