package com.superkabe.ingestion.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.lead.LeadRejected;
import com.superkabe.events.lead.LeadSubmitted;
import com.superkabe.ingestion.domain.IngestionGate;
import com.superkabe.ingestion.domain.LeadCandidate;
import com.superkabe.ingestion.domain.Verdict;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import java.util.List;

/**
 * Every intake path ends here, so every path applies the same gate and produces the same events.
 * A lead id is derived from organization and normalised address, so resubmissions deduplicate.
 */
public class IntakeService {

    private final Leads leads;
    private final Organizations organizations;
    private final EventSink events;
    private final Envelopes envelopes;

    public IntakeService(Leads leads, Organizations organizations, EventSink events, Envelopes envelopes) {
        this.leads = leads;
        this.organizations = organizations;
        this.events = events;
        this.envelopes = envelopes;
    }

    /** A lead from the REST API; {@code requestId} names the submission for its event id. */
    public Submission submitViaApi(LeadCandidate lead, String requestId) {
        return submit(lead, "api", (index, payload) -> envelopes.origin("api/" + requestId + "#" + index, -1, payload));
    }

    /** A lead from the public intake topic. */
    public Submission submitViaTopic(Envelope cause) {
        LeadSubmitted s = cause.payloadAs(LeadSubmitted.class);
        LeadCandidate lead = new LeadCandidate(s.orgId(), s.email(), s.firstName(), s.lastName(), s.company(),
                s.title(), s.campaignId());
        if (s.orgId() == null || !organizations.exists(s.orgId())) {
            Submission.Rejected r = new Submission.Rejected(List.of(new LeadRejected.Reason("organization", "orgId",
                    "organization '" + s.orgId() + "' is not registered")));
            events.publish(envelopes.causedBy(cause, 0, -1, new LeadRejected(s.orgId() == null ? "unknown" : s.orgId(),
                    s.email(), s.campaignId(), r.reasons(), "kafka")));
            return r;
        }
        return submit(lead, "kafka", (index, payload) -> envelopes.causedBy(cause, index, -1, payload));
    }

    private interface Stamp {
        Envelope apply(int index, com.superkabe.events.SuperkabeEvent payload);
    }

    private Submission submit(LeadCandidate lead, String channel, Stamp stamp) {
        Verdict verdict = IngestionGate.judge(lead);
        switch (verdict) {
            case Verdict.Rejected r -> {
                events.publish(stamp.apply(0, new LeadRejected(lead.orgId(), lead.email(), lead.campaignId(),
                        r.reasons(), channel)));
                return new Submission.Rejected(r.reasons());
            }
            case Verdict.Accepted a -> {
                String leadId = EventIds.derive("lead/" + lead.orgId() + "/" + a.email());
                Leads.Lead row = new Leads.Lead(leadId, lead.orgId(), a.email(), lead.firstName(), lead.lastName(),
                        lead.company(), lead.title(), lead.campaignId(), a.health(), a.score(), "HELD", channel);
                if (!leads.insert(row)) {
                    return new Submission.Duplicate(leads.findByEmail(lead.orgId(), a.email()).map(Leads.Lead::leadId)
                            .orElse(leadId));
                }
                events.publish(stamp.apply(0, new LeadAccepted(lead.orgId(), leadId, a.email(), lead.firstName(),
                        lead.lastName(), lead.company(), lead.title(), lead.campaignId(), a.health(), a.score(),
                        channel)));
                return new Submission.Accepted(leadId, a.health(), a.score());
            }
        }
    }
}
