package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.Assessment;
import com.superkabe.ingestion.domain.CheckResult;
import com.superkabe.ingestion.domain.EmailSyntax;
import com.superkabe.ingestion.domain.QualityPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One address's dry-run result, the shape of {@code POST /api/v1/leads/validate}: email,
 * normalized, verdict, score and every check with passed/reason/code. The API and the operator
 * CLI's {@code lead check} both print it, so the two can never disagree on fields.
 */
public final class LeadValidation {

    private LeadValidation() {
    }

    public static Map<String, Object> result(String email, Assessment a, QualityPolicy policy) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("email", email);
        r.put("normalized", EmailSyntax.check(email, policy.smtputf8()).address());
        r.put("verdict", a.verdict());
        r.put("score", a.score());
        Map<String, Object> checks = new LinkedHashMap<>();
        for (Map.Entry<String, CheckResult> c : a.checks().entrySet()) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("passed", c.getValue().passed());
            check.put("reason", c.getValue().reason());
            if (c.getValue().code() != null) {
                check.put("code", c.getValue().code());
            }
            checks.put(c.getKey(), check);
        }
        r.put("checks", checks);
        return r;
    }
}
