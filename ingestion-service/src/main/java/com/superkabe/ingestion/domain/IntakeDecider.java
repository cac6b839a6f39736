package com.superkabe.ingestion.domain;

import com.superkabe.events.lead.LeadIntakeChecked;
import com.superkabe.events.lead.LeadRejected;
import com.superkabe.events.lead.MxAnswer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One intake decision as a pure function of its recorded answers (ADR 0048): whether the
 * organization is registered, the MX answer of the address's domain, the list answers (disposable
 * match, role account, suspicious TLD), the organization's lead-health policy and, for an address
 * the organization has as a lead already, that lead's status and whether this submission created it
 * or its enrolment. The intake path decides through here from the {@link LeadIntakeChecked} it
 * publishes; a replay of {@code superkabe.intake-checks} decides through here again.
 */
public final class IntakeDecider {

    /** The list answers for one address. */
    public record ListAnswers(String disposableMatch, boolean roleAccount, boolean suspiciousTld) {
        static final ListAnswers NONE = new ListAnswers(null, false, false);
    }

    private IntakeDecider() {
    }

    /** The verdict on the submission: the organization first, then the ingestion gate's checks. */
    public static Verdict judge(LeadIntakeChecked c) {
        if (!c.organizationKnown()) {
            return new Verdict.Rejected(List.of(new LeadRejected.Reason("organization", "orgId",
                    "organization '" + c.orgId() + "' is not registered")));
        }
        LeadCandidate candidate = new LeadCandidate(c.orgId(), c.email(), c.firstName(), c.lastName(), c.company(),
                c.title(), c.campaignId(), c.leadScore());
        return IngestionGate.judge(candidate, lists(c), policy(c.policy()), mx(c));
    }

    /**
     * What a submission the gate accepted becomes when the organization has its address as a lead
     * already ({@code existing} present); null when it is a new lead.
     */
    public static Resubmission resubmission(LeadIntakeChecked c) {
        LeadIntakeChecked.Existing e = c.existing();
        if (e == null) {
            return null;
        }
        return Resubmission.decide(LeadStatus.valueOf(e.status()), e.redelivered() != null, c.campaignId(),
                e.enrolled());
    }

    /** The list answers for an address the checks would ask about (none for an invalid or reserved one). */
    public static ListAnswers listAnswers(String rawEmail, DomainLists lists, QualityPolicy policy) {
        EmailSyntax.Result syntax = EmailSyntax.check(rawEmail, policy.smtputf8());
        if (!syntax.valid() || SpecialUseDomains.reservation(syntax.domain()) != null) {
            return ListAnswers.NONE;
        }
        String tld = syntax.domain().substring(syntax.domain().lastIndexOf('.') + 1);
        Set<String> tlds = policy.suspiciousTlds() != null ? policy.suspiciousTlds() : lists.suspiciousTlds();
        return new ListAnswers(lists.disposableMatch(syntax.domain()), lists.isRole(syntax.localPart()),
                tlds.contains(tld));
    }

    /** The policy as recorded. */
    public static LeadIntakeChecked.Policy record(QualityPolicy p) {
        return new LeadIntakeChecked.Policy(new java.util.TreeMap<>(p.penalties()).entrySet().stream()
                .map(e -> new LeadIntakeChecked.Penalty(e.getKey(), e.getValue())).toList(), p.greenMin(),
                p.yellowMin(), p.suspiciousTlds() == null ? null : p.suspiciousTlds().stream().sorted().toList(),
                p.acceptRoleAccounts(), p.acceptSuspiciousTlds(), p.smtputf8());
    }

    /** The MX answer the record holds for the address's domain, as the checks read it. */
    public static MxResult mxResult(LeadIntakeChecked c) {
        return c.mx() == null ? MxResult.notRun("not run: the domain was not asked")
                : new MxResult(MxResult.Status.valueOf(c.mx().status().name()), c.mxDetail(), c.mx().hosts());
    }

    /** The MX answer as recorded (null when no lookup applies to the address). */
    public static MxAnswer answer(MxResult r) {
        return r == null ? null : r.answer();
    }

    static QualityPolicy policy(LeadIntakeChecked.Policy p) {
        if (p == null) {
            return QualityPolicy.DEFAULT;
        }
        Map<String, Integer> penalties = new LinkedHashMap<>();
        p.penalties().forEach(x -> penalties.put(x.check(), x.points()));
        // the TLD answer is recorded, so the organization's own list is not needed to decide again
        return new QualityPolicy(penalties, p.greenMin(), p.yellowMin(), null, p.acceptRoleAccounts(),
                p.acceptSuspiciousTlds(), p.smtputf8());
    }

    /** Lists that give exactly the recorded answers for this address. */
    static DomainLists lists(LeadIntakeChecked c) {
        Set<String> disposable = c.disposableMatch() == null ? Set.of() : Set.of(c.disposableMatch());
        Set<String> roles = new HashSet<>();
        Set<String> tlds = new HashSet<>();
        EmailSyntax.Result syntax = EmailSyntax.check(c.email(), c.policy() == null || c.policy().smtputf8());
        if (syntax.valid()) {
            String local = syntax.localPart().toLowerCase(Locale.ROOT);
            int plus = local.indexOf('+');
            if (c.roleAccount()) {
                roles.add(plus > 0 ? local.substring(0, plus) : local);
            }
            if (c.suspiciousTld()) {
                tlds.add(syntax.domain().substring(syntax.domain().lastIndexOf('.') + 1));
            }
        }
        return new DomainLists(disposable, Set.of(), roles, tlds);
    }

    private static MxCheck mx(LeadIntakeChecked c) {
        MxResult r = mxResult(c);
        return domain -> r;
    }
}
