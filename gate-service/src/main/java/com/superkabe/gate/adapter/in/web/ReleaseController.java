package com.superkabe.gate.adapter.in.web;

import com.superkabe.gate.application.GateService;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import java.util.Map;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators release leads paused by HEALTH_ISSUE: the gate decides again at once, so a lead
 * released while its mailboxes are still paused is paused again, with a new recorded decision.
 * A lead or campaign the organization does not have at the gate is a 404 (another organization's
 * answers the same, so the answer tells nothing about it); a lead with nothing paused is a 409
 * naming its states (issue #12).
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
    @ApiResponse(responseCode = "200", description = "the lead's paused pairs, decided again: {leadId, released}")
    @ApiResponse(responseCode = "409", description = "the lead has nothing paused (problem naming its states)",
            content = @Content(mediaType = "application/problem+json"))
    Map<String, Object> releaseLead(OrgId org, @PathVariable String leadId) {
        String request = "release/" + UUID.randomUUID();
        GateService.Release r = tx.execute(s -> gate.release(request, org.value(), leadId));
        return Map.of("leadId", leadId, "released", released(r, "Lead"));
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/release")
    Map<String, Object> releaseCampaign(OrgId org, @PathVariable String campaignId) {
        String request = "release/" + UUID.randomUUID();
        GateService.Release r = tx.execute(s -> gate.releaseCampaign(request, org.value(), campaignId));
        return Map.of("campaignId", campaignId, "released", released(r, "Campaign"));
    }

    private static int released(GateService.Release r, String what) {
        return switch (r) {
            case GateService.Release.Released ok -> ok.released();
            case GateService.Release.Unknown u -> throw ApiProblem.notFound(what, u.id());
            case GateService.Release.NotPaused n -> throw new ApiProblem(HttpStatus.CONFLICT, null, "lead '" + n.id()
                    + "' has nothing paused to release (its state at the gate: " + String.join(", ", n.states())
                    + ")");
            case null -> throw new IllegalStateException("the release transaction returned nothing");
        };
    }
}
