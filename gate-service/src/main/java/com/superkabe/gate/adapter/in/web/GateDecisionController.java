package com.superkabe.gate.adapter.in.web;

import com.superkabe.events.gate.CheckOutcome;
import com.superkabe.gate.application.Decisions;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Explainability: every gate decision for a lead, each check as a question and its answer. */
@RestController
class GateDecisionController {

    private static final Map<String, String> QUESTIONS = Map.of(
            "campaign_exists", "Campaign exists?",
            "campaign_active", "Campaign active?",
            "mailbox_available", "Mailboxes available?",
            "domain_healthy", "Domain healthy?",
            "risk_acceptable", "Hard risk score acceptable?");

    private final Decisions decisions;

    GateDecisionController(Decisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/v1/leads/{leadId}/gate-decisions")
    List<Map<String, Object>> decisions(OrgId org, @PathVariable String leadId) {
        List<Decisions.Decision> found = decisions.ofLead(org.value(), leadId);
        if (found.isEmpty()) {
            throw ApiProblem.notFound("Gate decisions for lead", leadId);
        }
        return found.stream().map(GateDecisionController::view).toList();
    }

    private static Map<String, Object> view(Decisions.Decision d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("campaignId", d.campaignId());
        v.put("tick", d.tick());
        v.put("outcome", d.outcome());
        v.put("mode", d.mode());
        v.put("failureClass", d.failureClass());
        v.put("retryable", d.retryable());
        v.put("deferrable", d.deferrable());
        v.put("reason", d.reason());
        v.put("warnings", d.warnings());
        v.put("checks", d.checks().stream().map(GateDecisionController::check).toList());
        v.put("eventId", d.eventId());
        return v;
    }

    private static Map<String, Object> check(CheckOutcome c) {
        String question = QUESTIONS.getOrDefault(c.check(), c.check());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("check", c.check());
        v.put("question", question);
        v.put("answer", c.result());
        v.put("detail", c.detail());
        v.put("text", question + " " + c.result() + " — " + c.detail());
        return v;
    }
}
