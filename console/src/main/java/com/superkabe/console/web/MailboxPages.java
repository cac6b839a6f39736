package com.superkabe.console.web;

import static com.superkabe.console.client.Services.Service.PROTECTION;
import static com.superkabe.console.client.Services.Service.SEND_ADAPTER;

import com.superkabe.console.client.ApiCallFailed;
import com.superkabe.console.client.Services;
import com.superkabe.console.view.Json;
import com.superkabe.console.view.MailboxOverview;
import com.superkabe.console.view.MailboxRow;
import com.superkabe.console.view.MailboxStory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** {@code /console/mailboxes} and {@code /console/mailboxes/{mailboxId}}: protection's view of the mailboxes. */
@Controller
class MailboxPages {

    private final Services services;

    MailboxPages(Services services) {
        this.services = services;
    }

    @GetMapping("/mailboxes")
    String list(@AuthenticationPrincipal Operator operator, @RequestParam(required = false) String state,
                @RequestParam(required = false) String domain, @RequestParam(required = false) String provider,
                @RequestParam(defaultValue = "1") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String key = operator.apiKey();
        if (state != null && !state.isBlank() && !MailboxOverview.STATES.contains(state)) {
            model.addAttribute("filterError", "Unknown state '" + state + "': choose one of the list.");
            state = null;
        }
        List<MailboxRow> all = rows(key);
        MailboxOverview overview = MailboxOverview.of(all, state, domain, provider, page,
                services.properties().pageSize());
        model.addAttribute("overview", overview);
        model.addAttribute("states", MailboxOverview.STATES);
        model.addAttribute("rows", detailed(key, overview.page()));
        List<Map<String, Object>> domains = DomainTable.worstFirst(Json.list(services.get(key, PROTECTION,
                services.properties().protectionDomainsPath())), domain);
        int shown = Math.min(domains.size(), services.properties().pageSize());
        model.addAttribute("domains", domains.subList(0, shown));
        model.addAttribute("domainsNotShown", domains.size() - shown);
        model.addAttribute("filter", Map.of("state", state == null ? "" : state, "domain", domain == null ? "" : domain,
                "provider", provider == null ? "" : provider));
        model.addAttribute("query", query(state, domain, provider));
        model.addAttribute("operator", operator);
        return htmx != null ? "mailboxes :: results" : "mailboxes";
    }

    /** Every mailbox of the organization as protection sees it, with its provider from the send adapter. */
    private List<MailboxRow> rows(String key) {
        JsonNode protection = services.get(key, PROTECTION, services.properties().protectionMailboxesPath());
        Map<String, String> providers = new HashMap<>();
        services.get(key, SEND_ADAPTER, "/api/v1/mailboxes")
                .forEach(m -> providers.put(Json.text(m, "mailboxId"), Json.text(m, "provider")));
        List<MailboxRow> all = new ArrayList<>();
        for (JsonNode m : protection) {
            String s = Json.text(m, "state");
            all.add(new MailboxRow(Json.text(m, "mailboxId"), Json.text(m, "address"), Json.text(m, "domain"),
                    providers.get(Json.text(m, "mailboxId")), s, MailboxRow.phaseOf(s),
                    m.path("phaseEnteredTick").asLong(), m.path("windowBounces").asInt(), null, null));
        }
        return all;
    }

    /** The page's rows with their warmup limit and last reason: two calls per row, made side by side. */
    private List<MailboxRow> detailed(String key, List<MailboxRow> rows) {
        String base = services.properties().protectionMailboxesPath() + "/";
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<MailboxRow>> futures = new ArrayList<>();
            for (MailboxRow r : rows) {
                futures.add(pool.submit(() -> {
                    JsonNode transitions = services.get(key, PROTECTION, base + r.mailboxId() + "/transitions");
                    String reason = transitions.isEmpty() ? null
                            : Json.text(transitions.get(transitions.size() - 1), "reason");
                    if (!r.mayHaveWarmupLimit()) {
                        return r.withDetail(null, reason);
                    }
                    JsonNode limit = services.get(key, PROTECTION, base + r.mailboxId()).get("warmupLimit");
                    return r.withDetail(limit == null || limit.isNull() ? null : limit.asInt(), reason);
                }));
            }
            List<MailboxRow> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(rows.get(i)); // a mailbox removed meanwhile: its line keeps what the list said
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiCallFailed(0, null, "the page was interrupted");
                }
            }
            return out;
        }
    }

    private static String invalid(String target, String reason) {
        if (target == null || !MailboxOverview.STATES.contains(target)) {
            return "Choose the state to move the mailbox to.";
        }
        if (reason == null || reason.isBlank()) {
            return "Give a reason: every operator transition is recorded in the audit trail with its reason.";
        }
        return reason.length() > 1000 ? "The reason is too long: at most 1000 characters." : null;
    }

    private static String query(String state, String domain, String provider) {
        StringBuilder q = new StringBuilder();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("state", state);
        m.put("domain", domain);
        m.put("provider", provider);
        m.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                q.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    @GetMapping("/mailboxes/{mailboxId}")
    String story(@AuthenticationPrincipal Operator operator, @PathVariable String mailboxId, Model model) {
        model.addAttribute("story", story(operator.apiKey(), mailboxId));
        model.addAttribute("operator", operator);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TransitionForm(null, null));
        }
        return "mailbox";
    }

    MailboxStory story(String key, String mailboxId) {
        if (mailboxId.length() > 128) {
            throw new ApiCallFailed(404, "mailboxId", "No mailbox " + mailboxId.substring(0, 32) + "…");
        }
        String base = services.properties().protectionMailboxesPath() + "/" + mailboxId;
        JsonNode mailbox = services.get(key, PROTECTION, base);
        JsonNode transitions = services.get(key, PROTECTION, base + "/transitions");
        JsonNode policy = services.get(key, PROTECTION, services.properties().protectionPolicyPath());
        JsonNode graduation = services.get(key, PROTECTION, services.properties().protectionGraduationPath());
        JsonNode sending;
        try {
            sending = services.get(key, SEND_ADAPTER, "/api/v1/mailboxes/" + mailboxId);
        } catch (ApiCallFailed notRegisteredThere) {
            sending = null;
        }
        return MailboxStory.of(mailbox, transitions, policy, graduation, sending);
    }

    /** The force-transition form's fields, kept when the page is shown again. */
    record TransitionForm(String target, String reason) {
    }

    /**
     * Step one sends the request without force: protection applies a move that skips no safety check,
     * and refuses (changing nothing) one that would, naming the checks. Those are shown as a warning
     * with a second button that sends the same request with force (ADR 0038).
     */
    @PostMapping("/mailboxes/{mailboxId}/transitions")
    String transition(@AuthenticationPrincipal Operator operator, @PathVariable String mailboxId,
                      @RequestParam(required = false) String target, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String confirm, Model model, RedirectAttributes redirect,
                      jakarta.servlet.http.HttpServletResponse response) {
        TransitionForm form = new TransitionForm(target, reason);
        String error = invalid(target, reason);
        if (error == null) {
            try {
                JsonNode applied = services.post(operator.apiKey(), PROTECTION, services.properties()
                        .protectionMailboxesPath() + "/" + mailboxId + "/transitions", Map.of("target", target,
                        "reason", reason.strip(), "force", "force".equals(confirm)));
                redirect.addFlashAttribute("applied", Json.map(applied));
                return "redirect:/mailboxes/" + CampaignPages.encode(mailboxId) + "#audit";
            } catch (ApiCallFailed e) {
                List<String> checks = ForcePreview.skippedChecks(e.detail());
                if (e.status() == 409 && !"force".equals(confirm) && checks != null) {
                    model.addAttribute("confirmation", checks);
                } else if (e.status() == 409 || e.status() == 400) {
                    error = e.detail();
                } else {
                    throw e;
                }
            }
        }
        if (error != null) {
            response.setStatus(400);
            model.addAttribute("formError", error);
        }
        model.addAttribute("form", form);
        return story(operator, mailboxId, model);
    }
}
