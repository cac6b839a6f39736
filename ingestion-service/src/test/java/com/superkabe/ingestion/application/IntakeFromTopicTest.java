package com.superkabe.ingestion.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.Service;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.lead.LeadRejected;
import com.superkabe.events.lead.LeadSubmitted;
import com.superkabe.events.lead.MxAnswer;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.ingestion.domain.LeadStatus;
import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.ingestion.domain.MxResult;
import com.superkabe.kit.kafka.Envelopes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The intake topic path has no inbox: a redelivered event must find the lead it created and announce
 * it again under the same event id, and every other event for that address is a duplicate.
 */
class IntakeFromTopicTest {

    private final InMemoryLeads leads = new InMemoryLeads();
    private final IntakeService intake = new IntakeService(leads, new KnownOrganizations(new Organizations() {
        @Override
        public boolean exists(String orgId) {
            return "org-1".equals(orgId);
        }

        @Override
        public void insert(String orgId, String name) {
        }
    }), events -> {
        throw new AssertionError("the topic path must not publish through the outbox");
    }, new Envelopes(Service.INGESTION, Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC)),
            new Inputs(MxCheck.DISABLED), new InMemoryEnrolments());

    @Test
    void aRedeliveredEventAnnouncesItsLeadAgainUnderTheSameEventId() {
        Envelope submitted = submitted("e-1", "ada@acme.com");
        Envelope first = intake.decideFromTopic(List.of(submitted)).decisions().getFirst();

        List<Envelope> again = intake.decideFromTopic(List.of(submitted)).decisions();

        assertThat(again).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(first.id());
            assertThat(e.type()).isEqualTo(EventType.LEAD_ACCEPTED);
            assertThat(e.payloadAs(LeadAccepted.class).leadId()).isEqualTo(first.payloadAs(LeadAccepted.class).leadId());
        });
        assertThat(leads.size()).isEqualTo(1);
    }

    @Test
    void everyDecisionIsPrecededInTheSameBatchByTheRecordOfItsAnswersAndADuplicateRecordsItsAnswersOnly() {
        IntakeService.Decided first = intake.decideFromTopic(List.of(submitted("e-1", "ada@acme.com"),
                submitted("e-2", "not-an-address")));
        IntakeService.Decided duplicate = intake.decideFromTopic(List.of(submitted("e-3", "ada@acme.com")));

        assertThat(first.events()).extracting(Envelope::type).containsExactly(EventType.LEAD_INTAKE_CHECKED,
                EventType.LEAD_REJECTED, EventType.LEAD_INTAKE_CHECKED, EventType.LEAD_ACCEPTED);
        assertThat(first.events().get(2).payloadAs(com.superkabe.events.lead.LeadIntakeChecked.class)).satisfies(c -> {
            assertThat(c.source()).isEqualTo("e-1");
            assertThat(c.existing()).isNull();
            assertThat(c.mx().status().name()).isEqualTo("NOT_RUN");
        });
        assertThat(first.events()).extracting(Envelope::id).doesNotHaveDuplicates();
        assertThat(duplicate.events()).singleElement().satisfies(e -> assertThat(e.payloadAs(
                com.superkabe.events.lead.LeadIntakeChecked.class).existing()).satisfies(x -> {
                    assertThat(x.status()).isEqualTo("HELD");
                    assertThat(x.redelivered()).isNull();
                }));
    }

    @Test
    void anotherEventForAStoredAddressIsADuplicateAndAnnouncesNothing() {
        intake.decideFromTopic(List.of(submitted("e-1", "ada@acme.com")));

        IntakeService.Decided d = intake.decideFromTopic(List.of(submitted("e-2", "ADA@acme.com")));

        assertThat(d.decisions()).isEmpty();
        assertThat(d.results()).singleElement().isInstanceOf(Submission.Duplicate.class);
    }

    @Test
    void aRedeliveredEventAnnouncesTheOriginalDecisionEvenIfTheLeadWasSuppressedSince() {
        Envelope submitted = submitted("e-1", "ada@acme.com");
        intake.decideFromTopic(List.of(submitted));
        leads.updateStatus(IntakeService.leadId("org-1", "ada@acme.com"), LeadStatus.BOUNCED, "test");

        List<Envelope> again = intake.decideFromTopic(List.of(submitted)).decisions();
        List<Envelope> other = intake.decideFromTopic(List.of(submitted("e-9", "ada@acme.com"))).decisions();

        assertThat(again).extracting(Envelope::type).containsExactly(EventType.LEAD_ACCEPTED);
        assertThat(other).singleElement().satisfies(e -> assertThat(e.payloadAs(LeadRejected.class).reasons())
                .extracting(LeadRejected.Reason::code).containsExactly("suppressed"));
    }

    @Test
    void twoEventsForOneAddressInOnePollAcceptTheFirstOnly() {
        IntakeService.Decided d = intake.decideFromTopic(List.of(submitted("e-1", "ada@acme.com"),
                submitted("e-2", "ada@acme.com")));

        assertThat(d.decisions()).extracting(Envelope::type).containsExactly(EventType.LEAD_ACCEPTED);
        assertThat(d.results().get(1)).isInstanceOf(Submission.Duplicate.class);
    }

    @Test
    void anAcceptedLeadRecordsItsMxAnswerAndTheProviderOfItsDomainsExchangers() {
        IntakeService withMx = new IntakeService(new InMemoryLeads(), new KnownOrganizations(new Organizations() {
            @Override
            public boolean exists(String orgId) {
                return true;
            }

            @Override
            public void insert(String orgId, String name) {
            }
        }), events -> {
        }, new Envelopes(Service.INGESTION, Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC)),
                new Inputs(d -> d.equals("acme.com")
                        ? MxResult.found(d, List.of("1 aspmx.l.google.com.", "5 alt1.aspmx.l.google.com."))
                        : new MxResult(MxResult.Status.UNKNOWN, "DNS did not answer")), new InMemoryEnrolments());

        List<Envelope> events = withMx.decideFromTopic(List.of(submitted("e-1", "ada@acme.com"),
                submitted("e-2", "bob@slow.com"))).decisions();

        assertThat(events).extracting(e -> e.payloadAs(LeadAccepted.class).esp())
                .containsExactly(RecipientEsp.GOOGLE, RecipientEsp.UNKNOWN);
        assertThat(events).extracting(e -> e.payloadAs(LeadAccepted.class).mx()).containsExactly(
                new MxAnswer(MxAnswer.Status.FOUND, List.of("aspmx.l.google.com", "alt1.aspmx.l.google.com")),
                new MxAnswer(MxAnswer.Status.UNKNOWN, List.of()));
    }

    @Test
    void withoutTheMxCheckAConsumerDomainStillNamesItsProvider() {
        List<Envelope> events = intake.decideFromTopic(List.of(submitted("e-1", "ada@GMail.com"),
                submitted("e-2", "bob@acme.com"))).decisions();

        assertThat(events).extracting(e -> e.payloadAs(LeadAccepted.class).esp())
                .containsExactly(RecipientEsp.GOOGLE, RecipientEsp.UNKNOWN);
    }

    private static Envelope submitted(String id, String email) {
        return new Envelope(id, EventType.LEAD_SUBMITTED, "external", Instant.parse("2026-11-22T00:00:00Z"), "org-1",
                null, id, -1, new LeadSubmitted("org-1", email, "Ada", null, null, null, "c-1"));
    }
}
