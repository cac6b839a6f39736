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

    /** Pause or resume: {@code {"status": "ACTIVE" | "PAUSED"}}; a paused campaign's runs stay due. */
    @PatchMapping("/{campaignId}")
    Map<String, String> changeStatus(OrgId org, @PathVariable String campaignId,
                                     @Valid @RequestBody StatusRequest body) {
        CampaignDef campaign = owned(org, campaignId);
        if ("ACTIVE".equals(body.status())) {
            requireMailingAddress(org);
        }
        if (!Boolean.TRUE.equals(tx.execute(s -> service.changeStatus(campaign, body.status())))) {
            throw ApiProblem.notFound("Campaign", campaignId);
        }
        return Map.of("campaignId", campaignId, "status", body.status());
    }

    record StatusRequest(@NotNull @Pattern(regexp = "ACTIVE|PAUSED", message = "must be ACTIVE or PAUSED")
                         String status) {
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
