package com.superkabe.console.web;

import static com.superkabe.console.client.Services.Service.SEQUENCER;

import com.superkabe.console.client.ApiCallFailed;
import com.superkabe.console.client.Services;
import com.superkabe.console.view.Json;
import com.superkabe.console.view.RunFigures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** {@code /console/campaigns/{campaignId}}: the campaign's runs and its pause and resume. */
@Controller
class CampaignPages {

    private final Services services;

    CampaignPages(Services services) {
        this.services = services;
    }

    @GetMapping("/campaigns/{campaignId}")
    String campaign(@AuthenticationPrincipal Operator operator, @PathVariable String campaignId, Model model) {
        String path = "/api/v1/campaigns/" + encode(campaignId);
        JsonNode campaign = services.get(operator.apiKey(), SEQUENCER, path);
        JsonNode runs = services.get(operator.apiKey(), SEQUENCER, path + "/runs");
        List<JsonNode> details = RunDetails.of(services, operator.apiKey(), runs);
        model.addAttribute("campaign", Json.map(campaign));
        model.addAttribute("figures", RunFigures.of(runs, details));
        model.addAttribute("runs", Json.list(runs));
        model.addAttribute("operator", operator);
        return "campaign";
    }

    @PostMapping("/campaigns/{campaignId}/status")
    String status(@AuthenticationPrincipal Operator operator, @PathVariable String campaignId,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        if (!"PAUSED".equals(status) && !"ACTIVE".equals(status)) {
            redirect.addFlashAttribute("error", "Choose pause or resume.");
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            if (reason != null && !reason.isBlank()) {
                body.put("reason", reason.strip());
            }
            try {
                services.patch(operator.apiKey(), SEQUENCER, "/api/v1/campaigns/" + encode(campaignId), body);
                redirect.addFlashAttribute("notice",
                        "PAUSED".equals(status) ? "Campaign paused." : "Campaign resumed.");
            } catch (ApiCallFailed e) {
                if (e.status() != 400 && e.status() != 409) {
                    throw e;
                }
                redirect.addFlashAttribute("error", e.detail());
            }
        }
        return "redirect:/campaigns/" + encode(campaignId);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
