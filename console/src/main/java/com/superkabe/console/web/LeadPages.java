package com.superkabe.console.web;

import static com.superkabe.console.client.Services.Service.GATE;
import static com.superkabe.console.client.Services.Service.INGESTION;
import static com.superkabe.console.client.Services.Service.SEQUENCER;

import com.superkabe.console.client.ApiCallFailed;
import com.superkabe.console.client.Services;
import com.superkabe.console.view.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * {@code /console/leads/{leadId}}: the lead's health, its gate decisions with every check's answer,
 * its runs in every campaign (found through the campaigns its enrolments and gate decisions name)
 * with their transitions, and the operator's actions on them.
 */
@Controller
class LeadPages {

    private static final Set<String> RESOLVE_ACTIONS = Set.of("retry", "skip", "stop");

    private final Services services;

    LeadPages(Services services) {
        this.services = services;
    }

    @GetMapping("/leads/{leadId}")
    String lead(@AuthenticationPrincipal Operator operator, @PathVariable String leadId, Model model) {
        String key = operator.apiKey();
        String id = CampaignPages.encode(leadId);
        JsonNode lead = services.get(key, INGESTION, "/api/v1/leads/" + id);
        JsonNode decisions = decisions(key, id);
        List<Map<String, Object>> runViews = new ArrayList<>();
        for (JsonNode detail : RunDetails.of(services, key, runs(key, leadId, campaigns(lead, decisions)))) {
            runViews.add(runView(detail));
        }
        model.addAttribute("lead", Json.map(lead));
        model.addAttribute("decisions", decisions == null ? List.of() : Json.list(decisions));
        model.addAttribute("runs", runViews);
        model.addAttribute("operator", operator);
        return "lead";
    }

    /** The gate's decisions on the lead; null when it has not decided yet (404). */
    private JsonNode decisions(String key, String id) {
        try {
            return services.get(key, GATE, "/api/v1/leads/" + id + "/gate-decisions");
        } catch (ApiCallFailed e) {
            if (e.status() != 404) {
                throw e;
            }
            return null;
        }
    }

    /** The campaigns the lead is known in: its own, its enrolments', and those the gate decided for. */
    private static Set<String> campaigns(JsonNode lead, JsonNode decisions) {
        Set<String> campaigns = new LinkedHashSet<>();
        campaigns.add(Json.text(lead, "campaignId"));
        lead.path("enrolments").forEach(e -> campaigns.add(Json.text(e, "campaignId")));
        if (decisions != null) {
            decisions.forEach(d -> campaigns.add(Json.text(d, "campaignId")));
        }
        campaigns.remove(null);
        return campaigns;
    }

    /** The lead's runs, found in each campaign's run list (there is no runs-by-lead read). */
    private List<JsonNode> runs(String key, String leadId, Set<String> campaigns) {
        List<JsonNode> runs = new ArrayList<>();
        for (String campaignId : campaigns) {
            try {
                services.get(key, SEQUENCER, "/api/v1/campaigns/" + CampaignPages.encode(campaignId) + "/runs")
                        .forEach(r -> {
                            if (leadId.equals(Json.text(r, "leadId"))) {
                                runs.add(r);
                            }
                        });
            } catch (ApiCallFailed e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        return runs;
    }

    /** A run, its transitions, and whether an operator's resolve applies (the sequencer's RunView.resolvable). */
    private static Map<String, Object> runView(JsonNode detail) {
        JsonNode run = detail.path("run");
        Map<String, Object> v = new LinkedHashMap<>(Json.map(run));
        v.put("transitions", Json.list(detail.path("transitions")));
        String status = Json.text(run, "status");
        String cause = Json.text(run, "pauseCause");
        v.put("resolvable", "FAILED".equals(status) && !run.path("closed").asBoolean()
                || "PAUSED".equals(status) && ("AMBIGUOUS_SEND".equals(cause) || "SENDER_REFUSALS".equals(cause)));
        return v;
    }

    @PostMapping("/leads/{leadId}/control")
    String control(@AuthenticationPrincipal Operator operator, @PathVariable String leadId,
                   @RequestParam(required = false) String action, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        if (!"pause".equals(action) && !"resume".equals(action)) {
            redirect.addFlashAttribute("error", "Choose pause or resume.");
        } else if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("error", "Give a reason: the lead's runs record it.");
        } else {
            send(operator, "/api/v1/leads/" + CampaignPages.encode(leadId) + "/" + action, Map.of("reason",
                    reason.strip()), redirect, "pause".equals(action)
                    ? "Pause requested: the lead's runs pause as the sequencer reads the request."
                    : "Resume requested: the lead's runs resume as the sequencer reads the request.");
        }
        return "redirect:/leads/" + CampaignPages.encode(leadId);
    }

    @PostMapping("/leads/{leadId}/runs/{runId}/resolve")
    String resolve(@AuthenticationPrincipal Operator operator, @PathVariable String leadId, @PathVariable String runId,
                   @RequestParam(required = false) String action, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        if (action == null || !RESOLVE_ACTIONS.contains(action)) {
            redirect.addFlashAttribute("error", "Choose retry, skip or stop.");
        } else if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("error", "Give a reason: the run records it.");
        } else {
            send(operator, "/api/v1/runs/" + CampaignPages.encode(runId) + "/resolve", Map.of("action", action,
                    "reason", reason.strip()), redirect, "Resolve (" + action + ") requested for run " + runId + ".");
        }
        return "redirect:/leads/" + CampaignPages.encode(leadId);
    }

    private void send(Operator operator, String path, Map<String, ?> body, RedirectAttributes redirect, String notice) {
        try {
            services.post(operator.apiKey(), SEQUENCER, path, body);
            redirect.addFlashAttribute("notice", notice);
        } catch (ApiCallFailed e) {
            if (e.status() != 400 && e.status() != 404 && e.status() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.detail());
        }
    }
}
