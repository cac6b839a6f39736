package com.superkabe.gate.adapter.in.web;

import com.superkabe.gate.application.GateService;
import com.superkabe.kit.security.OrgId;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators release leads paused by HEALTH_ISSUE: the gate decides again at once, so a lead
 * released while its mailboxes are still paused is paused again, with a new recorded decision.
 */
@RestController
class ReleaseController {

    private final GateService gate;
    private final TransactionTemplate tx;

    ReleaseController(GateService gate, TransactionTemplate tx) {
        this.gate = gate;
        this.tx = tx;
    }

    @PostMapping("/api/v1/leads/{leadId}/release")
    Map<String, Object> releaseLead(OrgId org, @PathVariable String leadId) {
        String request = "release/" + UUID.randomUUID();
        Integer n = tx.execute(s -> gate.release(request, org.value(), leadId));
        return Map.of("leadId", leadId, "released", n == null ? 0 : n);
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/release")
    Map<String, Object> releaseCampaign(OrgId org, @PathVariable String campaignId) {
        String request = "release/" + UUID.randomUUID();
        Integer n = tx.execute(s -> gate.releaseCampaign(request, org.value(), campaignId));
        return Map.of("campaignId", campaignId, "released", n == null ? 0 : n);
    }
}
