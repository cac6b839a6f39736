package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.events.lead.LeadRejected;
import com.superkabe.ingestion.application.FieldMapper;
import com.superkabe.ingestion.application.Submission;
import com.superkabe.ingestion.domain.LeadCandidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** JSON ⇄ leads for the REST API: strict field names, wrong types named per field. */
final class LeadJson {

    static final List<String> TEXT_FIELDS = List.of("email", "firstName", "lastName", "company", "title", "campaignId");

    /** A parsed item: the candidate, or the field errors that kept it from being one. */
    record Parsed(LeadCandidate lead, List<LeadRejected.Reason> errors) {
    }

    private LeadJson() {
    }

    static Parsed parse(String orgId, JsonNode node) {
        List<LeadRejected.Reason> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new LeadRejected.Reason("type", "body", "a lead must be a JSON object"));
            return new Parsed(null, errors);
        }
        for (String name : node.propertyNames()) { // a misspelt field would otherwise be dropped silently (ADR 0045)
            if (!TEXT_FIELDS.contains(name) && !name.equals("leadScore")) {
                errors.add(new LeadRejected.Reason("unknown_field", name, name + ": is not a field of a lead (the "
                        + "fields are " + String.join(", ", TEXT_FIELDS) + ", leadScore)"));
            }
        }
        Map<String, String> text = new LinkedHashMap<>();
        for (String f : TEXT_FIELDS) {
            JsonNode v = node.get(f);
            if (v == null || v.isNull()) {
                text.put(f, null);
            } else if (v.isString() && v.asString().length() > FieldMapper.MAX_TEXT) {
                errors.add(new LeadRejected.Reason("too_long", f, f + ": has " + v.asString().length()
                        + " characters; a lead's text holds at most " + FieldMapper.MAX_TEXT));
            } else if (v.isString()) {
                text.put(f, v.asString());
            } else {
                errors.add(new LeadRejected.Reason("type", f, f + ": must be a string, was " + v.getNodeType()
                        .name().toLowerCase()));
            }
        }
        Integer leadScore = null;
        JsonNode s = node.get("leadScore");
        if (s != null && !s.isNull()) {
            if (s.isIntegralNumber() && s.canConvertToInt()) {
                leadScore = s.asInt();
            } else {
                errors.add(new LeadRejected.Reason("type", "leadScore", "leadScore: must be an integer 0..100"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new LeadCandidate(orgId, text.get("email"), text.get("firstName"), text.get("lastName"),
                text.get("company"), text.get("title"), text.get("campaignId"), leadScore), List.of());
    }

    static Map<String, Object> item(int index, String email, Submission s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("email", email);
        switch (s) {
            case Submission.Accepted a -> {
                m.put("status", "ACCEPTED");
                m.put("leadId", a.leadId());
                m.put("health", a.health());
                m.put("score", a.score());
                if (!a.warnings().isEmpty()) {
                    m.put("warnings", errors(a.warnings()));
                }
            }
            case Submission.Duplicate d -> {
                m.put("status", "DUPLICATE");
                m.put("leadId", d.leadId());
            }
            case Submission.Enrolled e -> {
                m.put("status", "ENROLLED");
                m.put("leadId", e.leadId());
                m.put("campaignId", e.campaignId());
            }
            case Submission.Rejected r -> {
                m.put("status", "REJECTED");
                m.put("errors", errors(r.reasons()));
            }
        }
        return m;
    }

    static List<Map<String, String>> errors(List<LeadRejected.Reason> reasons) {
        return reasons.stream().map(x -> Map.of("field", x.field() == null ? "" : x.field(), "code", x.code(),
                "message", x.detail())).toList();
    }
}
