package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.GateInputs;
import com.superkabe.ingestion.application.LeadValidation;
import com.superkabe.ingestion.config.IngestionProperties;
import com.superkabe.ingestion.domain.Assessment;
import com.superkabe.ingestion.domain.LeadHealth;
import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.ingestion.domain.QualityPolicy;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.kit.web.StrictJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Dry run: scores addresses with the organization's policy and stores nothing. Body:
 * {@code {"emails": [...]}}, {@code {"email": "..."}}, or an array of addresses or lead objects.
 * Each result has {@code email}, {@code verdict}, {@code score} and {@code checks} keyed by check
 * name, each with {@code passed} (true, false, or null when not run or unknown) and {@code reason}.
 */
@RestController
class ValidateController {

    private final GateInputs inputs;
    private final IngestionProperties.Limits limits;

    ValidateController(GateInputs inputs, IngestionProperties props) {
        this.inputs = inputs;
        this.limits = props.limits();
    }

    @PostMapping(path = "/api/v1/leads/validate", consumes = "application/json")
    Map<String, Object> validate(OrgId org, @RequestBody(required = false) byte[] body) {
        List<String> emails = addresses(JsonBodies.parse(body, limits.jsonMaxBytes().toBytes()));
        if (emails.size() > limits.batchMaxItems()) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "emails", "At most " + limits.batchMaxItems()
                    + " addresses per call; this one has " + emails.size());
        }
        QualityPolicy policy = inputs.policy(org.value());
        MxCheck mx = inputs.mx(emails.stream().map(LeadHealth::mxDomain).filter(java.util.Objects::nonNull)
                .distinct().toList());
        List<Map<String, Object>> results = new ArrayList<>(emails.size());
        for (String email : emails) {
            Assessment a = LeadHealth.assess(email, inputs.lists(), policy, mx);
            Map<String, Object> r = LeadValidation.result(email, a, policy);
            results.add(r);
        }
        return Map.of("results", results);
    }

    private static List<String> addresses(JsonNode json) {
        StrictJson.onlyFields(json, "", json.has("email") ? "email" : "emails");
        JsonNode list = json.isArray() ? json : json.has("emails") ? json.get("emails") : null;
        if (list == null && json.has("email")) {
            return List.of(textOf(json.get("email"), "email"));
        }
        if (list == null || !list.isArray()) {
            throw ApiProblem.invalid("emails", "emails: give {\"emails\": [\"a@b.com\", ...]} or {\"email\": \"...\"}");
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            out.add(textOf(item.isObject() ? item.get("email") : item, "emails[" + i + "]"));
        }
        return out;
    }

    private static String textOf(JsonNode node, String field) {
        if (node == null || !node.isString()) {
            throw ApiProblem.invalid(field, field + ": must be a string address");
        }
        return node.asString();
    }
}
