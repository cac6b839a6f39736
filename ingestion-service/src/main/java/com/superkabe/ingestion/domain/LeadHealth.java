package com.superkabe.ingestion.domain;

import com.superkabe.events.lead.LeadRejected.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one address GREEN / YELLOW / RED (lead health, ADR 0011). Syntax runs first, then
 * the special-use check; either failing stops the rest (they report "not run", and no DNS is asked
 * about a reserved name). The other checks all run so the caller sees every reason. Score = 100
 * minus the penalties of failed checks under the organization's {@link QualityPolicy}, floored at 0.
 */
public final class LeadHealth {

    private LeadHealth() {
    }

    /** The checks, in the order they run and are reported. */
    public static final List<String> CHECKS = List.of("syntax", "reserved", "mx", "disposable", "role", "tld");

    public static Assessment assess(String rawEmail, DomainLists lists, QualityPolicy policy, MxCheck mx) {
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        List<Reason> reasons = new ArrayList<>();
        EmailSyntax.Result syntax = EmailSyntax.check(rawEmail, policy.smtputf8());
        if (!syntax.valid()) {
            checks.put("syntax", CheckResult.fail(syntax.code(), "email " + syntax.diagnosis()));
            reasons.add(new Reason(syntax.code(), "email", "email " + syntax.diagnosis()));
            return refused(rawEmail, checks, reasons, "the syntax check failed");
        }
        checks.put("syntax", CheckResult.pass(syntax.smtputf8() ? "a valid address (SMTPUTF8)" : "a valid address"));
        String reservation = SpecialUseDomains.reservation(syntax.domain());
        if (reservation != null) {
            String why = "domain " + syntax.domain() + " is a special-use or reserved name: " + reservation;
            checks.put("reserved", CheckResult.fail("reserved_domain", why));
            reasons.add(new Reason("reserved_domain", "email", why));
            return refused(syntax.address(), checks, reasons, "the domain is reserved");
        }
        checks.put("reserved", CheckResult.pass("not a special-use or reserved name"));
        int penalty = mxCheck(syntax.domain(), mx, policy, checks, reasons);
        String disposable = lists.disposableMatch(syntax.domain());
        penalty += scored("disposable", disposable != null, disposable == null ? "not a disposable domain"
                : "domain " + syntax.domain() + " is disposable (listed: " + disposable + ")", policy, checks, reasons);
        boolean role = lists.isRole(syntax.localPart());
        penalty += scored("role", role, role ? "'" + syntax.localPart() + "' is a role account, not a person"
                + setting(policy, "role", "acceptRoleAccounts") : "a personal local part", policy, checks, reasons);
        String tld = syntax.domain().substring(syntax.domain().lastIndexOf('.') + 1);
        Set<String> tlds = policy.suspiciousTlds() != null ? policy.suspiciousTlds() : lists.suspiciousTlds();
        penalty += scored("tld", tlds.contains(tld), tlds.contains(tld) ? "." + tld + " is a suspicious TLD"
                + setting(policy, "tld", "acceptSuspiciousTlds") : "." + tld + " is not on the suspicious-TLD list",
                policy, checks, reasons);
        int score = Math.max(0, 100 - penalty);
        return new Assessment(syntax.address(), policy.band(score), score, checks, reasons);
    }

    /**
     * The domain whose MX an assessment of this address would ask for, or null when it would not ask
     * (invalid or reserved): what a batch prefetches.
     */
    public static String mxDomain(String rawEmail) {
        EmailSyntax.Result syntax = EmailSyntax.check(rawEmail, true);
        return syntax.valid() && SpecialUseDomains.reservation(syntax.domain()) == null ? syntax.domain() : null;
    }

    private static String setting(QualityPolicy policy, String check, String setting) {
        return policy.blocks(check) ? " (blocked; setting " + setting + " accepts it as YELLOW)"
                : " (accepted as YELLOW: " + setting + ")";
    }

    private static Assessment refused(String email, Map<String, CheckResult> checks, List<Reason> reasons,
                                      String because) {
        for (String name : CHECKS) {
            checks.putIfAbsent(name, CheckResult.unknown("not run: " + because));
        }
        return new Assessment(email, "RED", 0, checks, reasons);
    }

    private static int mxCheck(String domain, MxCheck mx, QualityPolicy policy, Map<String, CheckResult> checks,
                               List<Reason> reasons) {
        MxResult r = mx.lookup(domain);
        return switch (r.status()) {
            case FOUND -> {
                checks.put("mx", CheckResult.pass(r.detail()));
                yield 0;
            }
            case NOT_FOUND -> scored("mx", true, r.detail(), policy, checks, reasons);
            case UNKNOWN -> {
                checks.put("mx", CheckResult.unknown("unknown: " + r.detail()));
                if (policy.penalty("mx_unknown") > 0) {
                    reasons.add(new Reason("mx_unknown", "email", "MX lookup gave no answer: " + r.detail()));
                }
                yield policy.penalty("mx_unknown");
            }
            case NOT_RUN -> {
                checks.put("mx", CheckResult.unknown(r.detail()));
                yield 0;
            }
        };
    }

    private static int scored(String check, boolean failed, String reason, QualityPolicy policy,
                              Map<String, CheckResult> checks, List<Reason> reasons) {
        if (!failed) {
            checks.put(check, CheckResult.pass(reason));
            return 0;
        }
        checks.put(check, CheckResult.fail(check, reason));
        reasons.add(new Reason(check, "email", reason));
        return policy.penalty(check);
    }
}
