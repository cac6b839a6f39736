package com.superkabe.ingestion.application.replay;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.lead.LeadIntakeChecked;
import com.superkabe.events.lead.LeadRejected;
import com.superkabe.ingestion.application.EnrolmentService;
import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.ingestion.application.Leads;
import com.superkabe.ingestion.domain.EmailSyntax;
import com.superkabe.ingestion.domain.IntakeDecider;
import com.superkabe.ingestion.domain.LeadStatus;
import com.superkabe.ingestion.domain.MxResult;
import com.superkabe.ingestion.domain.Resubmission;
import com.superkabe.ingestion.domain.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays ingestion's intake decisions into a fresh decider with in-memory state. Feed it, in topic
 * order, the records of {@code superkabe.intake-checks} ({@link LeadIntakeChecked}: the inputs) and of
 * {@code superkabe.leads} ({@link LeadAccepted}, {@link LeadRejected}: what ingestion published); the
 * two topics may interleave in any order, since each address's decisions are compared as sequences.
 *
 * <p>Each record is judged again by {@link IntakeDecider}; an accepted address the record calls new
 * must be one the replay has not created, and one it calls existing one the replay created earlier in
 * the history, whose stored data (names, health, score) then make the announcement, as the service's
 * stored row does. Status changes made by other services' events (suppression) are taken from the
 * record. The enrolment endpoint's announcements (channel {@code enrolment}) are decided by
 * EnrolmentDecider, not here, and are left out of both sides. Per address
 * ({@code lead:<orgId>/<normalised address>}) the state hash is a SHA-256 chain over the decisions'
 * wire type and JSON, the same for the replayed and the published decisions.
 */
public final class IngestionReplay {

    /** Where the replay and ingestion disagree first for one address, with the input that caused it. */
    public record Divergence(String key, int index, String causeId, String expected, String actual) {
    }

    private record Step(String id, String digest) {
    }

    private static final EventCodec CODEC = new EventCodec();

    private final Map<String, Leads.Lead> created = new HashMap<>();
    private final Map<String, List<Step>> replayed = new TreeMap<>();
    private final Map<String, List<Step>> published = new TreeMap<>();
    private final Map<String, Divergence> inconsistencies = new TreeMap<>();
    private long inputs;

    /** Ingestion's inputs on {@code superkabe.intake-checks}. */
    public static boolean isInput(SuperkabeEvent e) {
        return e instanceof LeadIntakeChecked;
    }

    /** Intake's published decisions on {@code superkabe.leads} (the enrolment endpoint's are not). */
    public static boolean isPublished(SuperkabeEvent e) {
        return e instanceof LeadRejected
                || e instanceof LeadAccepted a && !EnrolmentService.CHANNEL.equals(a.channel());
    }

    /** The entity key of an address in an organization: {@code lead:<orgId>/<normalised address>}. */
    public static String key(String orgId, String email) {
        EmailSyntax.Result r = EmailSyntax.check(email, true);
        return "lead:" + orgId + "/" + (r.valid() ? r.address() : String.valueOf(email));
    }

    /** Replays a whole recorded history (both topics, in order). */
    public static IngestionReplay replay(List<Envelope> history) {
        IngestionReplay r = new IngestionReplay();
        history.forEach(e -> r.accept(e.id(), e.payload()));
        return r;
    }

    /** Takes one record of either topic; anything else is ignored. */
    public void accept(String eventId, SuperkabeEvent e) {
        if (e instanceof LeadIntakeChecked c) {
            checked(eventId, c);
        } else if (isPublished(e)) {
            String key = e instanceof LeadAccepted a ? key(a.orgId(), a.email())
                    : key(e.orgId(), ((LeadRejected) e).email());
            published.computeIfAbsent(key, k -> new ArrayList<>()).add(new Step(eventId, digest(e)));
        }
    }

    private void checked(String eventId, LeadIntakeChecked c) {
        inputs++;
        String key = key(c.orgId(), c.email());
        for (SuperkabeEvent decided : decide(eventId, key, c)) {
            replayed.computeIfAbsent(key, k -> new ArrayList<>()).add(new Step(eventId, digest(decided)));
        }
    }

    private List<SuperkabeEvent> decide(String eventId, String key, LeadIntakeChecked c) {
        Verdict verdict = IntakeDecider.judge(c);
        if (verdict instanceof Verdict.Rejected r) {
            return List.of(rejected(c, r.reasons()));
        }
        Verdict.Accepted a = (Verdict.Accepted) verdict;
        String leadId = IntakeService.leadId(c.orgId(), a.email());
        MxResult mx = IntakeDecider.mxResult(c);
        Leads.Lead before = created.get(leadId);
        Resubmission again = IntakeDecider.resubmission(c);
        if (again == null) {
            if (before != null) {
                inconsistent(key, eventId, "the lead " + leadId + " exists", "recorded as new");
            }
            Leads.Lead row = new Leads.Lead(leadId, c.orgId(), a.email(), c.firstName(), c.lastName(), c.company(),
                    c.title(), c.campaignId(), a.health(), a.score(), LeadStatus.ofNewLead(c.campaignId()).name(),
                    c.channel(), c.leadScore(), null, false, c.source());
            created.put(leadId, row);
            return List.of(IntakeService.accepted(row, row, c.campaignId(), warnings(a), c.channel(), mx));
        }
        if (before == null) {
            inconsistent(key, eventId, "a lead created earlier in the history", "recorded as existing lead "
                    + c.existing().leadId() + " the history never created");
            return List.of();
        }
        return switch (again) {
            case ANNOUNCE_AGAIN -> List.of(IntakeService.accepted(before, before, c.campaignId(),
                    "lead".equals(c.existing().redelivered()) ? warnings(a) : null, c.channel(), mx));
            case SUPPRESSED -> List.of(rejected(c, List.of(new LeadRejected.Reason("suppressed", "email",
                    "address is suppressed in this organization (lead "
                            + c.existing().status().toLowerCase(java.util.Locale.ROOT) + ")"))));
            case DUPLICATE -> List.of();
            case ENROL -> List.of(IntakeService.accepted(before, before, c.campaignId(), null, c.channel(), mx));
        };
    }

    private static LeadRejected rejected(LeadIntakeChecked c, List<LeadRejected.Reason> reasons) {
        return new LeadRejected(c.orgId(), c.email(), c.campaignId(), reasons, c.channel());
    }

    private static List<LeadRejected.Reason> warnings(Verdict.Accepted a) {
        return a.warnings().isEmpty() ? null : a.warnings();
    }

    private void inconsistent(String key, String eventId, String expected, String actual) {
        inconsistencies.putIfAbsent(key, new Divergence(key, replayed.getOrDefault(key, List.of()).size(), eventId,
                expected, actual));
    }

    /** How many inputs were replayed. */
    public long inputs() {
        return inputs;
    }

    /** Per address, the hash of its replayed decisions. */
    public Map<String, String> stateHashes() {
        return hashes(replayed);
    }

    /** Per address, the hash of the decisions ingestion published. */
    public Map<String, String> publishedHashes() {
        return hashes(published);
    }

    /**
     * Every disagreement, at most one per address (its first), by address: a replayed decision that
     * differs from the published one, one published without an input or an input without its
     * published decision, and a record whose stored lead contradicts the history.
     */
    public List<Divergence> divergences() {
        Map<String, Divergence> first = new TreeMap<>(inconsistencies);
        java.util.Set<String> keys = new java.util.TreeSet<>(replayed.keySet());
        keys.addAll(published.keySet());
        for (String key : keys) {
            List<Step> mine = replayed.getOrDefault(key, List.of());
            List<Step> theirs = published.getOrDefault(key, List.of());
            for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
                Step m = i < mine.size() ? mine.get(i) : null;
                Step t = i < theirs.size() ? theirs.get(i) : null;
                if (m == null || t == null || !m.digest().equals(t.digest())) {
                    Divergence earlier = first.get(key);
                    if (earlier == null || earlier.index() > i) {
                        first.put(key, new Divergence(key, i, m != null ? m.id() : t.id(),
                                t == null ? "no published decision" : t.digest(),
                                m == null ? "no recorded input" : m.digest()));
                    }
                    break;
                }
            }
        }
        return List.copyOf(first.values());
    }

    /** True when every address's replayed decisions equal the published ones. */
    public boolean matches() {
        return divergences().isEmpty();
    }

    /** The wire type and JSON of a decision: what the hashes chain. */
    public static String digest(SuperkabeEvent decision) {
        return EventType.of(decision).wireName() + " " + new String(CODEC.toJson(decision), StandardCharsets.UTF_8);
    }

    private static Map<String, String> hashes(Map<String, List<Step>> steps) {
        Map<String, String> out = new TreeMap<>();
        steps.forEach((key, list) -> out.put(key, chain(list)));
        return out;
    }

    private static String chain(List<Step> steps) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = new byte[0];
            for (Step s : steps) {
                sha.update(h);
                h = sha.digest(s.digest().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
