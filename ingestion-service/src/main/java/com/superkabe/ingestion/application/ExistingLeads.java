package com.superkabe.ingestion.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.lead.LeadRejected;
import com.superkabe.ingestion.domain.LeadCandidate;
import com.superkabe.ingestion.domain.LeadStatus;
import com.superkabe.ingestion.domain.MxResult;
import com.superkabe.ingestion.domain.Resubmission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One intake batch's view of the leads it names that exist already — stored before the batch, or
 * created earlier in it — with their (lead, campaign) enrolments. Each such item is decided by
 * {@link Resubmission} and carried out here: announced again, rejected as suppressed, a duplicate,
 * or enrolled into the campaign it names. Dedupe is per (campaign, lead).
 */
final class ExistingLeads {

    private final Leads leads;
    private final Enrolments enrolments;
    private final Map<String, Leads.Stored> stored;
    private final Map<Enrolments.Pair, String> pairs;
    private final Set<String> announced = new HashSet<>();
    private final List<Enrolments.Enrolment> firstEnrolments = new ArrayList<>();

    /** Reads the leads stored before the batch and their enrolments (no others can have any yet). */
    ExistingLeads(Leads leads, Enrolments enrolments, Set<String> storedBefore) {
        this.leads = leads;
        this.enrolments = enrolments;
        this.stored = new HashMap<>(storedBefore.isEmpty() ? Map.of() : leads.stored(storedBefore));
        this.pairs = new HashMap<>(storedBefore.isEmpty() ? Map.of() : enrolments.of(storedBefore));
    }

    /**
     * A lead this batch inserted, seen for the first time: remembered (with its campaign's enrolment,
     * written by {@link #recordFirstEnrolments}) so later items of the batch find it. False if the
     * batch named it before.
     */
    boolean announceNew(Leads.Lead row, String channel) {
        if (!announced.add(row.leadId())) {
            return false;
        }
        stored.put(row.leadId(), new Leads.Stored(LeadStatus.valueOf(row.status()), row.health(), row.score(),
                row.sourceEventId(), row));
        if (row.campaignId() != null) {
            Enrolments.Enrolment first = enrolment(row, row.campaignId(), channel);
            firstEnrolments.add(first);
            pairs.put(first.pair(), row.sourceEventId());
        }
        return true;
    }

    void recordFirstEnrolments() {
        enrolments.insertAll(firstEnrolments);
    }

    /** Where one item is in its batch, and how its event is named and sent. */
    record Item(int index, String channel, IntakeService.Stamp stamp, MxResult mx) {
    }

    /**
     * What the record of an item whose lead exists already says about it: status, whether this very
     * submission created it or its enrolment, whether it is enrolled in the campaign named; null when
     * the lead was created by a concurrent transaction (the item is a duplicate).
     */
    com.superkabe.events.lead.LeadIntakeChecked.Existing facts(Leads.Lead row) {
        Leads.Stored before = stored.get(row.leadId());
        if (before == null) {
            return null;
        }
        Enrolments.Pair pair = new Enrolments.Pair(row.leadId(), row.campaignId());
        String source = row.sourceEventId();
        boolean createdLead = source != null && source.equals(before.sourceEventId()) && !announced.contains(row.leadId());
        boolean createdPair = source != null && pairs.containsKey(pair) && source.equals(pairs.get(pair))
                && !announced.contains(row.leadId() + "/" + row.campaignId());
        return new com.superkabe.events.lead.LeadIntakeChecked.Existing(row.leadId(), before.status().name(),
                createdLead ? "lead" : createdPair ? "pair" : null, pairs.containsKey(pair));
    }

    /** An item whose lead exists already (stored before, or created earlier in this batch). */
    Submission again(Leads.Lead row, LeadCandidate candidate, Submission judged, Item item, List<Envelope> out,
                     Resubmission decided) {
        Leads.Stored before = stored.get(row.leadId());
        if (before == null) {
            return new Submission.Duplicate(row.leadId());
        }
        Enrolments.Pair pair = new Enrolments.Pair(row.leadId(), row.campaignId());
        String source = row.sourceEventId();
        boolean createdLead = source != null && source.equals(before.sourceEventId()) && !announced.contains(row.leadId());
        boolean createdPair = source != null && pairs.containsKey(pair) && source.equals(pairs.get(pair))
                && !announced.contains(row.leadId() + "/" + row.campaignId());
        return switch (decided) {
            case ANNOUNCE_AGAIN -> {
                announced.add(row.leadId());
                announced.add(row.leadId() + "/" + row.campaignId());
                out.add(item.stamp().apply(item.index(), IntakeService.accepted(before.lead(), before.lead(), row.campaignId(),
                        createdLead ? IntakeService.warnings(judged) : null, item.channel(), item.mx())));
                yield createdLead ? judged : new Submission.Enrolled(row.leadId(), row.campaignId());
            }
            case SUPPRESSED -> IntakeService.reject(candidate, List.of(new LeadRejected.Reason("suppressed", "email",
                    "address is suppressed in this organization (lead " + before.status().name().toLowerCase()
                            + ")")), item.channel(), item.stamp(), item.index(), out);
            case DUPLICATE -> new Submission.Duplicate(row.leadId());
            case ENROL -> {
                if (enrolments.insertAll(List.of(enrolment(row, row.campaignId(), item.channel()))).isEmpty()) {
                    yield new Submission.Duplicate(row.leadId());
                }
                pairs.put(pair, source);
                announced.add(row.leadId() + "/" + row.campaignId());
                if (before.status() != before.status().enrolled()) {
                    leads.updateStatus(row.leadId(), before.status().enrolled(), "enrolled into campaign "
                            + row.campaignId());
                }
                out.add(item.stamp().apply(item.index(), IntakeService.accepted(before.lead(), before.lead(), row.campaignId(), null,
                        item.channel(), item.mx())));
                yield new Submission.Enrolled(row.leadId(), row.campaignId());
            }
        };
    }

    static Enrolments.Enrolment enrolment(Leads.Lead row, String campaignId, String channel) {
        return new Enrolments.Enrolment(row.orgId(), row.leadId(), campaignId, channel, row.sourceEventId());
    }
}
