package com.superkabe.ingestion.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.lead.LeadIntakeChecked;
import com.superkabe.events.lead.MxAnswer;
import com.superkabe.ingestion.application.replay.IngestionReplay;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A golden intake history recorded from ingestion on a real broker, database and DNS server
 * (IngestionServiceIT with {@code -Dingestion.history.write=true}): new, duplicate, enrolled, YELLOW,
 * role-account, no-MX, suppressed and topic submissions. Replayed through {@link IngestionReplay}, the
 * code path the CLI's {@code verify --service ingestion} uses, it reaches what ingestion published;
 * mutated, it does not (ADR 0048).
 */
class IntakeGoldenHistoryTest {

    private static final String HISTORY = "mixed-intake";

    @Test
    void theRecordedHistoryReplaysToTheDecisionsIngestionPublished() throws IOException {
        IngestionReplay replay = IngestionReplay.replay(IntakeHistoryFiles.read(HISTORY));

        assertThat(replay.inputs()).isEqualTo(8);
        assertThat(replay.divergences()).isEmpty();
        assertThat(replay.stateHashes()).hasSize(5).isEqualTo(replay.publishedHashes());
    }

    @Test
    void aChangedMxAnswerMakesTheReplayDivergeAtThatRecord() throws IOException {
        List<Envelope> history = new ArrayList<>(IntakeHistoryFiles.read(HISTORY));
        int first = firstCheck(history, c -> c.mx() != null && c.mx().status() == MxAnswer.Status.FOUND);
        mutate(history, first, c -> new LeadIntakeChecked(c.orgId(), c.source(), c.channel(), c.email(),
                c.firstName(), c.lastName(), c.company(), c.title(), c.campaignId(), c.leadScore(),
                c.organizationKnown(), new MxAnswer(MxAnswer.Status.NOT_FOUND, List.of()), "no MX", c.disposableMatch(),
                c.roleAccount(), c.suspiciousTld(), c.policy(), c.existing()));

        IngestionReplay replay = IngestionReplay.replay(history);

        assertThat(replay.divergences()).isNotEmpty().anySatisfy(d -> {
            assertThat(d.causeId()).isEqualTo(history.get(first).id());
            assertThat(d.actual()).contains("superkabe.lead.rejected.v1");
        });
        assertThat(replay.stateHashes()).isNotEqualTo(replay.publishedHashes());
    }

    @Test
    void droppingTheRecordThatCreatedALeadLeavesItsLaterSubmissionsUnexplained() throws IOException {
        List<Envelope> history = new ArrayList<>(IntakeHistoryFiles.read(HISTORY));
        int created = firstCheck(history, c -> c.existing() == null && c.organizationKnown() && c.campaignId() != null
                && history.stream().anyMatch(e -> e.payload() instanceof LeadIntakeChecked later
                && later.existing() != null && later.email().equals(c.email())));
        history.remove(created);

        assertThat(IngestionReplay.replay(history).divergences()).anySatisfy(d -> assertThat(d.actual())
                .contains("the history never created"));
    }

    @Test
    void aSuppressedStatusInTheRecordTurnsTheDuplicateIntoARejection() throws IOException {
        List<Envelope> history = new ArrayList<>(IntakeHistoryFiles.read(HISTORY));
        int duplicate = firstCheck(history, c -> c.existing() != null && c.existing().enrolled()
                && c.existing().redelivered() == null && !"BOUNCED".equals(c.existing().status()));
        mutate(history, duplicate, c -> new LeadIntakeChecked(c.orgId(), c.source(), c.channel(), c.email(),
                c.firstName(), c.lastName(), c.company(), c.title(), c.campaignId(), c.leadScore(),
                c.organizationKnown(), c.mx(), c.mxDetail(), c.disposableMatch(), c.roleAccount(), c.suspiciousTld(),
                c.policy(), new LeadIntakeChecked.Existing(c.existing().leadId(), "UNSUBSCRIBED", null, true)));

        IngestionReplay replay = IngestionReplay.replay(history);

        assertThat(replay.divergences()).singleElement().satisfies(d -> assertThat(d.actual())
                .contains("suppressed"));
    }

    private static int firstCheck(List<Envelope> history, java.util.function.Predicate<LeadIntakeChecked> match) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).payload() instanceof LeadIntakeChecked c && match.test(c)) {
                return i;
            }
        }
        throw new AssertionError("no matching LeadIntakeChecked in the history");
    }

    private static void mutate(List<Envelope> history, int i, UnaryOperator<LeadIntakeChecked> change) {
        Envelope e = history.get(i);
        history.set(i, new Envelope(e.id(), e.type(), e.source(), e.time(), e.orgId(), e.causationId(),
                e.correlationId(), e.logicalTime(), change.apply((LeadIntakeChecked) e.payload())));
    }
}
