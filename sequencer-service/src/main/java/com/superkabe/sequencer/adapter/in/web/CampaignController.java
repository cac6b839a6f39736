package com.superkabe.sequencer.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.CampaignService;
import com.superkabe.sequencer.application.Campaigns;
import com.superkabe.sequencer.application.MailboxAvailability;
import com.superkabe.sequencer.application.MailingAddresses;
import com.superkabe.sequencer.application.RunViews;
import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService service;
    private final Campaigns campaigns;
    private final RunViews runs;
    private final TransactionTemplate tx;
    private final MailboxAvailability mailboxes;
    private final MailingAddresses addresses;

    CampaignController(CampaignService service, Campaigns campaigns, RunViews runs, TransactionTemplate tx,
                       MailboxAvailability mailboxes, MailingAddresses addresses) {
        this.addresses = addresses;
        this.mailboxes = mailboxes;
        this.service = service;
        this.campaigns = campaigns;
        this.runs = runs;
        this.tx = tx;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> create(OrgId org, @Valid @RequestBody CampaignRequest body) {
        String campaignId = "cmp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<StepTemplate> steps = StepsMapper.steps(body.steps());
        CampaignRules rules = CampaignRulesMapper.rules(body);
        MailboxOwnership.check(org.value(), body.mailboxIds(), mailboxes);
        CampaignDef campaign = new CampaignDef(org.value(), campaignId, body.name(),
                body.status() == null ? "ACTIVE" : body.status(), body.mailboxIds(), steps, rules);
        if ("ACTIVE".equals(campaign.status())) {
            requireMailingAddress(org);
        }
        tx.executeWithoutResult(s -> service.create(campaign));
        return Map.of("campaignId", campaignId, "status", campaign.status());
    }

    /**
     * The campaign's lifecycle and its steps: {@code {"status": …, "steps": […]}}, either or both.
     * Status moves DRAFT → ACTIVE → PAUSED → ACTIVE (COMPLETED is set when every run is terminal, and an
     * operator may reopen it as ACTIVE); any other change is a 409. New steps become the next campaign
     * version: new runs start with it, running runs keep theirs (ADR 0022).
     */
    @PatchMapping("/{campaignId}")
    Map<String, Object> change(OrgId org, @PathVariable String campaignId, @Valid @RequestBody ChangeRequest body) {
        if (body.status() == null && body.steps() == null) {
            throw ApiProblem.invalid("status", "give a status, steps, or both");
        }
        if (body.reason() != null && body.reason().chars().anyMatch(ch -> ch < 0x20 && ch != '\t' || ch == 0x7f)) {
            throw ApiProblem.invalid("reason", "must not contain control characters");
        }
        CampaignDef campaign = owned(org, campaignId);
        String to = body.status() == null ? null : body.status().strip().toUpperCase(java.util.Locale.ROOT);
        if (to != null && !to.equals(campaign.status()) && !LIFECYCLE.getOrDefault(campaign.status(), java.util.Set.of())
                .contains(to)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "status", "campaign " + campaignId + " is " + campaign.status()
                    + " and cannot become " + to + " (allowed: " + LIFECYCLE.getOrDefault(campaign.status(),
                    java.util.Set.of()) + ")");
        }
        List<StepTemplate> steps = body.steps() == null ? null : StepsMapper.steps(body.steps());
        if ("ACTIVE".equals(to)) {
            requireMailingAddress(org);
        }
        String actor = "apikey:" + org.value();
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("campaignId", campaignId);
        tx.executeWithoutResult(s -> {
            if (steps != null) {
                result.put("version", service.publishVersion(campaign, steps, actor));
            }
            if (to != null && !service.changeStatus(campaign, to, actor, body.reason())) {
                throw ApiProblem.notFound("Campaign", campaignId);
            }
        });
        result.put("status", to != null ? to : campaign.status());
        return result;
    }

    /** The status changes an operator may ask for (COMPLETED is the system's). */
    private static final Map<String, java.util.Set<String>> LIFECYCLE = Map.of(
            "DRAFT", java.util.Set.of("ACTIVE"),
            "ACTIVE", java.util.Set.of("PAUSED"),
            "PAUSED", java.util.Set.of("ACTIVE"),
            "COMPLETED", java.util.Set.of("ACTIVE"));

    record ChangeRequest(@Pattern(regexp = "(?i)ACTIVE|PAUSED|DRAFT|COMPLETED",
                                  message = "must be ACTIVE, PAUSED, DRAFT or COMPLETED") String status,
                         @jakarta.validation.constraints.Size(min = 1, max = 20)
                         List<CampaignRequest.@Valid @NotNull Step> steps,
                         @jakarta.validation.constraints.Size(max = 1000) String reason) {
    }

    @GetMapping("/{campaignId}")
    CampaignResponse get(OrgId org, @PathVariable String campaignId) {
        return CampaignResponse.of(owned(org, campaignId));
    }

    @GetMapping("/{campaignId}/runs")
    List<RunView> runs(OrgId org, @PathVariable String campaignId) {
        owned(org, campaignId);
        return runs.byCampaign(org.value(), campaignId);
    }

    /** CAN-SPAM § 5(a)(5): nothing is activated (or sent) without the organization's postal address. */
    private void requireMailingAddress(OrgId org) {
        if (addresses.mailingAddresses(List.of(org.value())).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "status", "the organization has no mailing address: set it with "
                    + "PUT /api/v1/organization/mailing-address on the ingestion service before activating a campaign "
                    + "(CAN-SPAM requires a postal address in every message)");
        }
    }

    private CampaignDef owned(OrgId org, String campaignId) {
        return campaigns.find(campaignId).filter(c -> c.orgId().equals(org.value()))
                .orElseThrow(() -> ApiProblem.notFound("Campaign", campaignId));
    }
}
