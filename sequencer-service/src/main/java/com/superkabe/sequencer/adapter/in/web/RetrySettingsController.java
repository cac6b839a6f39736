package com.superkabe.sequencer.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.application.OrgRetryPolicies;
import com.superkabe.sequencer.application.OperatorInputs;
import com.superkabe.sequencer.domain.RetryPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET/PUT /api/v1/settings/send-retries}: the organization's retry policy for transiently failed
 * sends (ADR 0019), in ticks: {@code baseTicks} (first wait), {@code maxTicks} (longest wait),
 * {@code giveUpTicks} (after the step's first failure, the run fails), {@code jitterPercent}. Every field is
 * required, an integer, with 5 ≤ baseTicks ≤ maxTicks, maxTicks plus its jitter ≤ giveUpTicks ≤ 43,200
 * (30 days) and jitter 0–100; a wrong type or a repeated key is refused, never coerced. The horizon also
 * bounds how long a step refused for the sender's fault is rerouted before the run pauses. The change applies once the sequencer has read it back from its ordered input
 * (202); GET shows what is in force and whether it is the organization's or the deployment's default.
 */
@RestController
class RetrySettingsController {

    static final String PATH = "/api/v1/settings/send-retries";
    /** 30 days of 60-second ticks: a step is not retried for longer. */
    private static final long MAX_TICKS = 43_200;
    /** At least 5 ticks between attempts: a retry policy must not hammer a receiving server. */
    private static final long MIN_BASE_TICKS = 5;
    /** The kit's strict request rules (no coercion, no control characters, duplicate keys refused). */
    private static final JsonMapper JSON = com.superkabe.kit.web.StrictJson.mapper();

    private final OrgRetryPolicies policies;
    private final OperatorInputs operators;
    private final RetryPolicy deployment;
    private final TransactionTemplate tx;

    RetrySettingsController(OrgRetryPolicies policies, OperatorInputs operators,
                            com.superkabe.sequencer.config.SendingProperties sending, TransactionTemplate tx) {
        this.policies = policies;
        this.operators = operators;
        this.deployment = sending.settings().retry();
        this.tx = tx;
    }

    @GetMapping(PATH)
    Map<String, Object> get(OrgId org) {
        return policies.retryPolicy(org.value()).map(p -> body(p, "organization"))
                .orElseGet(() -> body(deployment, "default"));
    }

    @PutMapping(path = PATH, consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> put(OrgId org, @RequestBody(required = false) byte[] raw) {
        JsonNode body = parse(raw);
        // "source" is what GET answers beside the settings: a GET-then-PUT round trip sends it back
        com.superkabe.kit.web.StrictJson.onlyFields(body, "", "baseTicks", "maxTicks", "giveUpTicks", "jitterPercent",
                "source");
        long base = integer(body, "baseTicks", MIN_BASE_TICKS, MAX_TICKS);
        long max = ticks(body, "maxTicks");
        long giveUp = ticks(body, "giveUpTicks");
        long jitter = integer(body, "jitterPercent", 0, 100);
        if (max < base) {
            throw ApiProblem.invalid("maxTicks", "must be at least baseTicks (" + base + ")");
        }
        // the longest wait with its jitter must fit in the horizon, or the first deferral would fail the run
        long longestWait = (max * (100 + jitter) + 99) / 100;
        if (giveUp < longestWait) {
            throw ApiProblem.invalid("giveUpTicks", "must be at least maxTicks plus its jitter (" + longestWait + ")");
        }
        RetryPolicy policy = new RetryPolicy(base, max, giveUp, (int) jitter, deployment.secondsPerTick());
        tx.executeWithoutResult(s -> operators.changeRetryPolicy(org.value(), policy, "apikey:" + org.value()));
        return body(policy, "organization");
    }

    private static JsonNode parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw ApiProblem.invalid("body", "The request body is missing");
        }
        if (raw.length > 4096) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, null, "The request body is larger than 4096 bytes");
        }
        try {
            JsonNode node = JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw ApiProblem.invalid("body", "The request body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw ApiProblem.invalid("body", "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static long ticks(JsonNode body, String field) {
        return integer(body, field, 1, MAX_TICKS);
    }

    private static long integer(JsonNode body, String field, long min, long max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw ApiProblem.invalid(field, "is required");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiProblem.invalid(field, "must be an integer");
        }
        long value = v.asLong();
        if (value < min || value > max) {
            throw ApiProblem.invalid(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static Map<String, Object> body(RetryPolicy p, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseTicks", p.baseTicks());
        m.put("maxTicks", p.maxTicks());
        m.put("giveUpTicks", p.giveUpTicks());
        m.put("jitterPercent", p.jitterPercent());
        m.put("source", source);
        return m;
    }
}
