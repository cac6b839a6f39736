package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.HealthPolicies;
import com.superkabe.ingestion.domain.QualityPolicy;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.kit.web.StrictJson;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The organization's lead-health policy: {@code penalties} per check (integers 0..100; mx, mx_unknown,
 * disposable, role, tld), {@code greenMin}/{@code yellowMin} thresholds (integers 1..100) and optionally its own
 * {@code suspiciousTlds} list (null: the shipped list), and the booleans {@code acceptRoleAccounts},
 * {@code acceptSuspiciousTlds} (YELLOW instead of the default block) and {@code smtputf8}
 * (accept non-ASCII local parts). Omitted values take the defaults (booleans: false); an omitted
 * {@code penalties} or an empty object means the default penalties, but {@code "penalties": null} is a
 * 400 naming the field, like any other value of the wrong type (issue #12): a null that silently reset
 * every penalty would hide a client's bug.
 */
@RestController
class HealthPolicyController {

    private final HealthPolicies policies;
    private final TransactionTemplate tx;

    HealthPolicyController(HealthPolicies policies, TransactionTemplate tx) {
        this.policies = policies;
        this.tx = tx;
    }

    @GetMapping("/api/v1/settings/lead-health")
    Map<String, Object> get(OrgId org) {
        return view(policies.find(org.value()).orElse(QualityPolicy.DEFAULT));
    }

    @PutMapping(path = "/api/v1/settings/lead-health", consumes = "application/json")
    Map<String, Object> put(OrgId org, @RequestBody(required = false) byte[] body) {
        JsonNode json = JsonBodies.parse(body, 1 << 20);
        if (!json.isObject()) {
            throw ApiProblem.invalid("body", "body: must be a JSON object");
        }
        StrictJson.onlyFields(json, "", "penalties", "greenMin", "yellowMin", "suspiciousTlds", "acceptRoleAccounts",
                "acceptSuspiciousTlds", "smtputf8");
        Map<String, Integer> penalties = new LinkedHashMap<>();
        JsonNode p = json.get("penalties");
        if (p != null) {
            if (!p.isObject()) {
                throw ApiProblem.invalid("penalties", "penalties: must be an object of check name to integer"
                        + " (omit it, or send {}, for the defaults)");
            }
            p.properties().forEach(e -> penalties.put(e.getKey(),
                    JsonBodies.intIn(e.getValue(), "penalties." + e.getKey(), 0, 100)));
        }
        Set<String> tlds = null;
        JsonNode t = json.get("suspiciousTlds");
        if (t != null && !t.isNull()) {
            if (!t.isArray()) {
                throw ApiProblem.invalid("suspiciousTlds", "suspiciousTlds: must be an array of strings");
            }
            tlds = new HashSet<>();
            for (JsonNode n : t) {
                if (!n.isString()) {
                    throw ApiProblem.invalid("suspiciousTlds", "suspiciousTlds: must be an array of strings");
                }
                tlds.add(n.asString().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""));
            }
        }
        QualityPolicy policy;
        try {
            policy = new QualityPolicy(penalties, intOr(json, "greenMin", 80), intOr(json, "yellowMin", 50), tlds,
                    boolOr(json, "acceptRoleAccounts"), boolOr(json, "acceptSuspiciousTlds"), boolOr(json, "smtputf8"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("penalties", e.getMessage());
        }
        tx.executeWithoutResult(s -> policies.save(org.value(), policy));
        return view(policy);
    }

    /** A setting left out is off (the default); anything but a JSON boolean is a 400 naming it. */
    private static boolean boolOr(JsonNode json, String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw ApiProblem.invalid(field, field + ": must be true or false");
        }
        return n.asBoolean();
    }

    private static int intOr(JsonNode json, String field, int fallback) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        return JsonBodies.intIn(n, field, 1, 100);
    }

    private static Map<String, Object> view(QualityPolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("penalties", new java.util.TreeMap<>(p.penalties()));
        m.put("greenMin", p.greenMin());
        m.put("yellowMin", p.yellowMin());
        m.put("suspiciousTlds", p.suspiciousTlds() == null ? null : new java.util.TreeSet<>(p.suspiciousTlds()));
        m.put("acceptRoleAccounts", p.acceptRoleAccounts());
        m.put("acceptSuspiciousTlds", p.acceptSuspiciousTlds());
        m.put("smtputf8", p.smtputf8());
        return m;
    }
}
