package com.superkabe.ingestion.domain;

import com.superkabe.events.lead.LeadRejected.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one address GREEN / YELLOW / RED (seed 002's leadHealthService). Syntax runs first and a
 * syntax failure stops the rest (they report "not run"); the other checks all run so the caller
 * sees every reason. Score = 100 minus the penalties of failed checks, floored at 0.
 */
public final class LeadHealth {

    private LeadHealth() {
    }

    public static Assessment assess(String rawEmail, DomainLists lists, QualityPolicy policy, MxCheck mx) {
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        List<Reason> reasons = new ArrayList<>();
        EmailSyntax.Result syntax = EmailSyntax.check(rawEmail);
        if (!syntax.valid()) {
            checks.put("syntax", CheckResult.fail("email " + syntax.diagnosis()));
            for (String name : List.of("mx", "disposable", "role", "tld")) {
                checks.put(name, CheckResult.unknown("not run: the syntax check failed"));
            }
            reasons.add(new Reason("syntax", "email", "email " + syntax.diagnosis()));
            return new Assessment(rawEmail, "RED", 0, checks, reasons);
        }
        checks.put("syntax", CheckResult.pass("a valid address"));
        int penalty = mxCheck(syntax.domain(), mx, policy, checks, reasons);
        String disposable = lists.disposableMatch(syntax.domain());
        penalty += scored("disposable", disposable != null, disposable == null ? "not a disposable domain"
                : "domain " + syntax.domain() + " is disposable (listed: " + disposable + ")", policy, checks, reasons);
        penalty += scored("role", lists.isRole(syntax.localPart()), lists.isRole(syntax.localPart())
                ? "'" + syntax.localPart() + "' is a role account, not a person" : "a personal local part",
                policy, checks, reasons);
        String tld = syntax.domain().substring(syntax.domain().lastIndexOf('.') + 1);
        Set<String> tlds = policy.suspiciousTlds() != null ? policy.suspiciousTlds() : lists.suspiciousTlds();
        penalty += scored("tld", tlds.contains(tld), tlds.contains(tld) ? "." + tld + " is a suspicious TLD"
                : "." + tld + " is not on the suspicious-TLD list", policy, checks, reasons);
        int score = Math.max(0, 100 - penalty);
        return new Assessment(syntax.address(), policy.band(score), score, checks, reasons);
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
        checks.put(check, CheckResult.fail(reason));
        reasons.add(new Reason(check, "email", reason));
        return policy.penalty(check);
    }
}
