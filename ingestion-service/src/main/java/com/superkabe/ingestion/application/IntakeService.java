package com.superkabe.ingestion.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.lead.LeadRejected;
import com.superkabe.events.lead.LeadSubmitted;
import com.superkabe.ingestion.domain.EmailSyntax;
import com.superkabe.events.lead.LeadIntakeChecked;
import com.superkabe.ingestion.domain.IntakeDecider;
import com.superkabe.ingestion.domain.QualityPolicy;
import com.superkabe.ingestion.domain.LeadCandidate;
import com.superkabe.ingestion.domain.LeadHealth;
import com.superkabe.ingestion.domain.LeadStatus;
import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.ingestion.domain.MxResult;
import com.superkabe.ingestion.domain.RecipientEsps;
import com.superkabe.ingestion.domain.Verdict;
import com.superkabe.kit.kafka.Envelopes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every intake path ends here, so every path applies the same gate and produces the same events.
 * Work is done per batch (one multi-row insert, one outbox write) so the Kafka path keeps up with
 * 10k leads/s; a single REST lead is a batch of one. A lead id is derived from organization and
 * normalised address, so resubmissions deduplicate across batches and paths. Callers run it
 * inside their transaction.
 */
public class IntakeService {

    /**
     * Names the events an item produces: its decision, and the record of the answers it was decided
     * from, published just before it (ADR 0048).
     */
    public interface Stamp {
        Envelope apply(int item, SuperkabeEvent payload);

        Envelope checks(int item, LeadIntakeChecked payload);
    }

    private final Leads leads;
    private final KnownOrganizations organizations;
    private final BatchEvents events;
    private final Envelopes envelopes;
    private final GateInputs inputs;
    private final Enrolments enrolments;

    public IntakeService(Leads leads, KnownOrganizations organizations, BatchEvents events, Envelopes envelopes,
                         GateInputs inputs, Enrolments enrolments) {
        this.enrolments = enrolments;
        this.leads = leads;
        this.organizations = organizations;
        this.events = events;
        this.envelopes = envelopes;
        this.inputs = inputs;
    }

    /** Leads from the REST API, CSV or Clay; {@code idPrefix} names the submission for event ids. */
    public List<Submission> submitAll(List<LeadCandidate> batch, String channel, String idPrefix) {
        Decided d = submit(batch, null, channel, new Stamp() {
            @Override
            public Envelope apply(int i, SuperkabeEvent payload) {
                return envelopes.origin(channel + "/" + idPrefix + "#" + i, -1, payload);
            }

            @Override
            public Envelope checks(int i, LeadIntakeChecked payload) {
                return envelopes.origin(channel + "/" + idPrefix + "#" + i + "/checks", -1, payload);
            }
        });
        events.publishAll(d.events());
        return d.results();
    }

    /**
     * Leads from the public intake topic. Nothing is published here: the caller sends the returned
     * events in the consumer's Kafka transaction after this one commits. Idempotent by event id
     * without an inbox: the stored lead remembers the event that created it, so a redelivered event
     * (whose first announcement was aborted with its Kafka transaction) is announced again with the
     * same event id, and any other event for the address is a duplicate.
     */
    public Decided decideFromTopic(List<Envelope> causes) {
        List<LeadCandidate> batch = new ArrayList<>(causes.size());
        List<String> sources = new ArrayList<>(causes.size());
        for (Envelope cause : causes) {
            LeadSubmitted s = cause.payloadAs(LeadSubmitted.class);
            batch.add(new LeadCandidate(s.orgId(), s.email(), s.firstName(), s.lastName(), s.company(), s.title(),
                    s.campaignId()));
            sources.add(cause.id());
        }
        return submit(batch, sources, "kafka", new Stamp() {
            @Override
            public Envelope apply(int i, SuperkabeEvent payload) {
                return envelopes.causedBy(causes.get(i), 0, -1, payload);
            }

            @Override
            public Envelope checks(int i, LeadIntakeChecked payload) {
                return envelopes.causedBy(causes.get(i), 1, -1, payload);
            }
        });
    }

    /**
     * Which of {@code shards} independent transactions decides this intake event: every event for one
     * (organization, normalised address) lands in the same one, so shards never race for a lead and
     * the first event for an address in input order still wins.
     */
    public static int shardOf(Envelope cause, int shards) {
        LeadSubmitted s = cause.payloadAs(LeadSubmitted.class);
        EmailSyntax.Result r = EmailSyntax.check(s.email(), true);
        String key = s.orgId() + "/" + (r.valid() ? r.address() : String.valueOf(s.email()));
        return Math.floorMod(key.hashCode(), shards);
    }

    /** A lead's id: derived from its organization and normalised address, so every path dedupes alike. */
    public static String leadId(String orgId, String normalisedEmail) {
        return EventIds.derive("lead/" + orgId + "/" + normalisedEmail);
    }

    /**
     * The outcome of each item, and the events to publish: each item's {@code LeadIntakeChecked}
     * followed by its decision, if it has one.
     */
    public record Decided(List<Submission> results, List<Envelope> events) {

        /** The decisions only (LeadAccepted, LeadRejected), without the records of their answers. */
        public List<Envelope> decisions() {
            return events.stream().filter(e -> e.type().topic() == com.superkabe.events.Topic.LEADS).toList();
        }
    }

    /**
     * Each item's outside answers are gathered first (MX for the batch's domains at once, the lists,
     * the policy, whether the organization exists) into a {@link LeadIntakeChecked}; the verdict is the
     * pure {@link IntakeDecider}'s on that record. A rejected item's record and LeadRejected go out at
     * once; an accepted one's after the batch is stored, when the record can say whether the address's
     * lead existed and in what status.
     */
    private Decided submit(List<LeadCandidate> batch, List<String> sources, String channel, Stamp stamp) {
        MxCheck mx = mxAnswers(batch);
        List<Submission> results = new ArrayList<>(batch.size());
        List<Envelope> out = new ArrayList<>(batch.size());
        List<Leads.Lead> rows = new ArrayList<>();
        List<Integer> rowItems = new ArrayList<>();
        List<LeadIntakeChecked> rowChecks = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            LeadCandidate lead = batch.get(i);
            LeadIntakeChecked checked = answers(lead, sources == null ? null : sources.get(i), channel, mx);
            Verdict verdict = IntakeDecider.judge(checked);
            results.add(null);
            switch (verdict) {
                case Verdict.Rejected r -> {
                    out.add(stamp.checks(i, checked));
                    results.set(i, reject(lead, r.reasons(), channel, stamp, i, out));
                }
                case Verdict.Accepted a -> {
                    rows.add(new Leads.Lead(leadId(lead.orgId(), a.email()), lead.orgId(),
                            a.email(), lead.firstName(), lead.lastName(), lead.company(), lead.title(),
                            lead.campaignId(), a.health(), a.score(), LeadStatus.ofNewLead(lead.campaignId()).name(), channel,
                            lead.leadScore(), null, false, sources == null ? null : sources.get(i)));
                    rowItems.add(i);
                    rowChecks.add(checked);
                    results.set(i, new Submission.Accepted(rows.getLast().leadId(), a.health(), a.score(), a.warnings()));
                }
            }
        }
        store(new Rows(rows, rowItems, rowChecks), batch, results, channel, stamp, out);
        return new Decided(results, out);
    }

    /** Every answer from outside the decision of one item, as the record published before it. */
    private LeadIntakeChecked answers(LeadCandidate lead, String source, String channel, MxCheck mx) {
        String orgId = lead.orgId() == null || lead.orgId().isBlank() ? "unknown" : lead.orgId();
        boolean known = lead.orgId() != null && organizations.exists(lead.orgId());
        if (!known) {
            return new LeadIntakeChecked(orgId, source, channel, lead.email(), lead.firstName(), lead.lastName(),
                    lead.company(), lead.title(), lead.campaignId(), lead.leadScore(), false, null, null, null, false,
                    false, null, null);
        }
        QualityPolicy policy = inputs.policy(lead.orgId());
        IntakeDecider.ListAnswers lists = IntakeDecider.listAnswers(lead.email(), inputs.lists(), policy);
        String domain = LeadHealth.mxDomain(lead.email());
        MxResult answer = domain == null ? null : mx.lookup(domain);
        return new LeadIntakeChecked(orgId, source, channel, lead.email(), lead.firstName(), lead.lastName(),
                lead.company(), lead.title(), lead.campaignId(), lead.leadScore(), true, IntakeDecider.answer(answer),
                answer == null ? null : answer.detail(), lists.disposableMatch(), lists.roleAccount(),
                lists.suspiciousTld(), IntakeDecider.record(policy), null);
    }

    /** The accepted leads of a batch: their rows, their items' indexes and their recorded answers. */
    private record Rows(List<Leads.Lead> leads, List<Integer> items, List<LeadIntakeChecked> checks) {
    }

    private void store(Rows acceptedRows, List<LeadCandidate> batch, List<Submission> results, String channel,
                       Stamp stamp, List<Envelope> out) {
        List<Leads.Lead> rows = acceptedRows.leads();
        if (rows.isEmpty()) {
            return;
        }
        Set<String> inserted = leads.insertAll(rows);
        Set<String> existing = new LinkedHashSet<>();
        for (Leads.Lead row : rows) {
            if (!inserted.contains(row.leadId())) {
                existing.add(row.leadId());
            }
        }
        ExistingLeads known = new ExistingLeads(leads, enrolments, existing);
        for (int k = 0; k < rows.size(); k++) {
            Leads.Lead row = rows.get(k);
            int i = acceptedRows.items().get(k);
            LeadIntakeChecked answers = acceptedRows.checks().get(k);
            MxResult mx = IntakeDecider.mxResult(answers);
            if (inserted.contains(row.leadId()) && known.announceNew(row, channel)) {
                out.add(stamp.checks(i, answers));
                out.add(stamp.apply(i, accepted(row, row, row.campaignId(), warnings(results.get(i)), channel, mx)));
            } else {
                LeadIntakeChecked.Existing facts = known.facts(row);
                if (facts == null) {
                    // created by a concurrent transaction since insertAll: a duplicate, nothing to announce
                    results.set(i, new Submission.Duplicate(row.leadId()));
                    continue;
                }
                LeadIntakeChecked checked = with(answers, facts);
                out.add(stamp.checks(i, checked));
                results.set(i, known.again(row, batch.get(i), results.get(i),
                        new ExistingLeads.Item(i, channel, stamp, mx), out, IntakeDecider.resubmission(checked)));
            }
        }
        known.recordFirstEnrolments();
    }

    private static LeadIntakeChecked with(LeadIntakeChecked c, LeadIntakeChecked.Existing existing) {
        return new LeadIntakeChecked(c.orgId(), c.source(), c.channel(), c.email(), c.firstName(), c.lastName(),
                c.company(), c.title(), c.campaignId(), c.leadScore(), c.organizationKnown(), c.mx(), c.mxDetail(),
                c.disposableMatch(), c.roleAccount(), c.suspiciousTld(), c.policy(), existing);
    }

    static List<LeadRejected.Reason> warnings(Submission judged) {
        return judged instanceof Submission.Accepted a && !a.warnings().isEmpty() ? a.warnings() : null;
    }

    /**
     * The lead announced to the gate for one campaign: the stored lead's data and health, the
     * campaign asked for, and the MX answer the submission was judged with.
     */
    public static LeadAccepted accepted(Leads.Lead data, Leads.Lead health, String campaignId,
                                 List<LeadRejected.Reason> warnings, String channel, MxResult mx) {
        String domain = data.email().substring(data.email().lastIndexOf('@') + 1);
        return new LeadAccepted(data.orgId(), data.leadId(), data.email(), data.firstName(), data.lastName(),
                data.company(), data.title(), campaignId, health.health(), health.score(), channel, warnings,
                RecipientEsps.of(domain, mx), mx.answer());
    }

    static Submission reject(LeadCandidate lead, List<LeadRejected.Reason> reasons, String channel,
                                     Stamp stamp, int i, List<Envelope> out) {
        out.add(stamp.apply(i, new LeadRejected(lead.orgId() == null ? "unknown" : lead.orgId(), lead.email(),
                lead.campaignId(), reasons, channel)));
        return new Submission.Rejected(reasons);
    }

    /** The MX answers of the batch's domains, gathered before anything is judged. */
    private MxCheck mxAnswers(List<LeadCandidate> batch) {
        Set<String> domains = new HashSet<>();
        for (LeadCandidate lead : batch) {
            String domain = LeadHealth.mxDomain(lead.email());
            if (domain != null) {
                domains.add(domain);
            }
        }
        return inputs.mx(domains);
    }
}
