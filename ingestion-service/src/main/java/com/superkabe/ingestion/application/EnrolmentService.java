package com.superkabe.ingestion.application;

import com.superkabe.events.Envelope;
import com.superkabe.ingestion.domain.EnrolmentDecider;
import com.superkabe.ingestion.domain.EnrolmentDecider.Decision;
import com.superkabe.ingestion.domain.EnrolmentDecider.LeadFacts;
import com.superkabe.ingestion.domain.EnrolmentDecider.Outcome;
import com.superkabe.ingestion.domain.EnrolmentDecider.Result;
import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.kit.kafka.Envelopes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrols existing leads of an organization into one of its campaigns: reads the facts, lets
 * {@link EnrolmentDecider} decide, records each new (lead, campaign) pair and publishes, through the
 * outbox in the same transaction intake uses, a {@code LeadAccepted} for the pair — the stored lead's
 * data, the target campaign, the MX answer gathered now — so the gate evaluates the pair and the
 * sequencer enrols it. The event id is derived from the pair, so a pair is announced once.
 */
public class EnrolmentService {

    /** The channel enrolment events carry. */
    public static final String CHANNEL = "enrolment";

    private final Leads leads;
    private final Enrolments enrolments;
    private final Campaigns campaigns;
    private final GateInputs inputs;
    private final BatchEvents events;
    private final Envelopes envelopes;
    private final TransactionTemplate tx;

    public EnrolmentService(Leads leads, Enrolments enrolments, Campaigns campaigns, GateInputs inputs,
                            BatchEvents events, Envelopes envelopes, TransactionTemplate tx) {
        this.leads = leads;
        this.enrolments = enrolments;
        this.campaigns = campaigns;
        this.inputs = inputs;
        this.events = events;
        this.envelopes = envelopes;
        this.tx = tx;
    }

    public Decision enrol(String orgId, String campaignId, List<String> leadIds) {
        return tx.execute(s -> decideAndPublish(orgId, campaignId, leadIds));
    }

    private Decision decideAndPublish(String orgId, String campaignId, List<String> leadIds) {
        Set<String> distinct = new LinkedHashSet<>(leadIds);
        Map<String, Leads.Stored> stored = leads.stored(distinct);
        Map<Enrolments.Pair, String> pairs = enrolments.of(distinct);
        Map<String, LeadFacts> facts = new HashMap<>();
        stored.forEach((id, l) -> facts.put(id, new LeadFacts(l.lead().orgId(), l.status(),
                pairs.containsKey(new Enrolments.Pair(id, campaignId)))));
        Decision decision = EnrolmentDecider.decide(orgId, campaignId, campaigns.find(campaignId).orElse(null),
                leadIds, facts);
        if (!(decision instanceof Decision.Decided decided) || decided.enrolled().isEmpty()) {
            return decision;
        }
        List<Enrolments.Enrolment> asked = decided.enrolled().stream()
                .map(id -> new Enrolments.Enrolment(orgId, id, campaignId, CHANNEL, null)).toList();
        Set<Enrolments.Pair> recorded = enrolments.insertAll(asked);
        MxCheck mx = inputs.mx(asked.stream().map(e -> domainOf(stored.get(e.leadId()).lead().email()))
                .distinct().toList());
        List<Envelope> out = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(decided.outcomes().size());
        for (Outcome o : decided.outcomes()) {
            if (o.result() == Result.ENROLLED && !recorded.contains(new Enrolments.Pair(o.leadId(), campaignId))) {
                // another request enrolled the pair since the facts were read
                outcomes.add(new Outcome(o.leadId(), Result.ALREADY_ENROLLED));
                continue;
            }
            outcomes.add(o);
            if (o.result() == Result.ENROLLED) {
                Leads.Stored lead = stored.get(o.leadId());
                if (lead.status() != lead.status().enrolled()) {
                    leads.updateStatus(o.leadId(), lead.status().enrolled(), "enrolled into campaign " + campaignId);
                }
                out.add(envelopes.origin(CHANNEL + "/" + campaignId + "/" + o.leadId(), -1,
                        IntakeService.accepted(lead.lead(), lead.lead(), campaignId, null, CHANNEL,
                                mx.lookup(domainOf(lead.lead().email())))));
            }
        }
        events.publishAll(out);
        return new Decision.Decided(outcomes);
    }

    private static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }
}
