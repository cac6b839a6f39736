package com.superkabe.sequencer.adapter;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.sequencer.adapter.out.axon.RunAggregate;
import com.superkabe.sequencer.adapter.out.axon.RunCommandMessage;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.sequencer.domain.Suppression;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Axon aggregate hosts the decider faithfully: given/when/then through Axon's own fixture. */
class RunAggregateTest {

    private static final LeadSnapshot ADA = new LeadSnapshot("lead-1", "ada@example.com", "Ada", null, null, null);
    private AggregateTestFixture<RunAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RunAggregate.class);
    }

    @Test
    void createsARunFromAnEnrolment() {
        fixture.givenNoPriorActivity()
                .when(new RunCommandMessage("run-1", new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, "mb-1", 2, 0, 3)))
                .expectEvents(new RunEnrolled("org-1", "run-1", "c-1", ADA, "mb-1", 2, 3, 3),
                        new com.superkabe.events.run.RunStarted("org-1", "run-1", 0, 3, 3));
    }

    @Test
    void storesAReplyAndAfterItAcceptsNoFurtherDispatch() {
        fixture.given(new RunEnrolled("org-1", "run-1", "c-1", ADA, "mb-1", 2, 3, 3))
                .when(new RunCommandMessage("run-1", new RunCommand.RecordReply("run-1", "reply-1", 4)))
                .expectEvents(new RunReplied("org-1", "run-1", "reply-1", 4));
        fixture.given(new RunEnrolled("org-1", "run-1", "c-1", ADA, "mb-1", 2, 3, 3),
                        new RunReplied("org-1", "run-1", "reply-1", 4))
                .when(new RunCommandMessage("run-1", new RunCommand.Dispatch("run-1",
                        new com.superkabe.sequencer.domain.StepTemplate("s", "b", 0), 9)))
                .expectNoEvents();
    }

    @Test
    void storesTheEnrolmentAndTheSuppressionOfAnAlreadySuppressedAddressTogether() {
        Suppression unsubscribed = new Suppression("org-1", "ADA@example.com", Suppression.Cause.UNSUBSCRIBED, "LINK",
                "run-9", "c-9", 2);
        fixture.givenNoPriorActivity()
                .when(new RunCommandMessage("run-1", new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, "mb-1", 2, 0, 3,
                        unsubscribed)))
                .expectEvents(new RunEnrolled("org-1", "run-1", "c-1", ADA, "mb-1", 2, 3, 3),
                        new RunSuppressed("org-1", "run-1", 0, "UNSUBSCRIBED",
                                "suppressed: unsubscribed in another campaign (campaign c-9), run run-9", "run-9", 3));
    }
}
