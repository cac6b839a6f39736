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

    /**
     * One page of the organization's mailboxes, read from protection's keyset-paged list with the
     * filters applied there; counts per state and the domain table (the domains with the largest
     * unhealthy share, and the filtered one) cover the whole organization. The reads run side by side.
     */
    @GetMapping("/mailboxes")
    String list(@AuthenticationPrincipal Operator operator, @RequestParam(required = false) String state,
                @RequestParam(required = false) String domain, @RequestParam(required = false) String provider,
                @RequestParam(required = false) String after, @RequestParam(required = false) String before,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String key = operator.apiKey();
        if (state != null && !state.isBlank() && !MailboxOverview.STATES.contains(state)) {
            model.addAttribute("filterError", "Unknown state '" + state + "': choose one of the list.");
            state = null;
        }
        String query = query(state, domain, provider);
        String cursor = before != null && !before.isBlank() ? "&before=" + encode(before)
                : after != null && !after.isBlank() ? "&after=" + encode(after) : "";
        var properties = services.properties();
        Services.Page page;
        JsonNode counts;
        Services.Page worstDomains;
        JsonNode selectedDomain;
        boolean domainFilter = domain != null && !domain.isBlank() && domain.strip().length() <= 255;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Services.Page> pageCall = pool.submit(() -> services.page(key, PROTECTION,
                    properties.protectionMailboxesPath() + "?limit=" + properties.pageSize() + query + cursor));
            Future<JsonNode> countsCall = pool.submit(() -> services.get(key, PROTECTION,
                    properties.protectionCountsPath()));
            Future<Services.Page> domainsCall = pool.submit(() -> services.page(key, PROTECTION,
                    properties.protectionDomainsPath() + "?order=unhealthy-share&limit=" + properties.pageSize()));
            Future<JsonNode> selectedCall = pool.submit(() -> domainFilter ? selected(key, domain.strip()) : null);
            page = result(pageCall);
            counts = result(countsCall);
            worstDomains = result(domainsCall);
            selectedDomain = result(selectedCall);
        }
        List<MailboxRow> rows = new ArrayList<>();
        page.rows().forEach(m -> rows.add(MailboxRow.of(m)));
        List<Map<String, Object>> domains = new ArrayList<>(Json.list(worstDomains.rows()));
        if (selectedDomain != null) {
            Map<String, Object> chosen = Json.map(selectedDomain);
            domains.removeIf(d -> String.valueOf(d.get("domain")).equals(String.valueOf(chosen.get("domain"))));
            domains.add(chosen);
        }
        domains = DomainTable.worstFirst(domains, domain);
        MailboxOverview overview = MailboxOverview.of(longs(counts.path("states")), longs(counts.path("providers")),
                domains.stream().map(d -> String.valueOf(d.get("domain"))).toList(), rows, page.total(),
                page.next(), page.previous());
        model.addAttribute("overview", overview);
        model.addAttribute("states", MailboxOverview.STATES);
        model.addAttribute("rows", overview.page());
        model.addAttribute("domains", domains);
        long allDomains = worstDomains.total() < 0 ? domains.size() : worstDomains.total();
        model.addAttribute("domainsNotShown", Math.max(0, allDomains - domains.size()));
        model.addAttribute("filter", Map.of("state", state == null ? "" : state, "domain", domain == null ? "" : domain,
                "provider", provider == null ? "" : provider));
        model.addAttribute("query", query);
        model.addAttribute("nextCursor", page.next() == null ? null : encode(page.next()));
        model.addAttribute("previousCursor", page.previous() == null ? null : encode(page.previous()));
        model.addAttribute("operator", operator);
        return htmx != null ? "mailboxes :: results" : "mailboxes";
    }

    /** The filtered domain's line for the domain table; none if the organization has no such domain. */
    private JsonNode selected(String key, String domain) {
        try {
            return services.get(key, PROTECTION, services.properties().protectionDomainsPath() + "/"
                    + CampaignPages.encode(domain));
        } catch (ApiCallFailed notThere) {
            if (notThere.status() == 404 || notThere.status() == 400) {
                return null;
            }
            throw notThere;
        }
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private static <T> T result(Future<T> call) {
        try {
            return call.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ApiCallFailed(0, null, "the page could not be read: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallFailed(0, null, "the page was interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
        // encoded: the id is the page's path segment as the browser sent it, decoded ("a b", "x?y", "x#y"),
        // and raw it broke the service URL (a 500) or cut it short at '?' or '#'
        String id = CampaignPages.encode(mailboxId);
        String base = services.properties().protectionMailboxesPath() + "/" + id;
        JsonNode mailbox;
        JsonNode transitions;
        JsonNode policy;
        JsonNode graduation;
        JsonNode sending;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) { // five reads side by side
            Future<JsonNode> mailboxCall = pool.submit(() -> services.get(key, PROTECTION, base));
            Future<JsonNode> transitionsCall = pool.submit(() -> services.get(key, PROTECTION, base + "/transitions"));
            Future<JsonNode> policyCall = pool.submit(() -> services.get(key, PROTECTION,
                    services.properties().protectionPolicyPath()));
            Future<JsonNode> graduationCall = pool.submit(() -> services.get(key, PROTECTION,
                    services.properties().protectionGraduationPath()));
            Future<JsonNode> sendingCall = pool.submit(() -> {
                try {
                    return services.get(key, SEND_ADAPTER, "/api/v1/mailboxes/" + id);
                } catch (ApiCallFailed notRegisteredThere) {
                    return null;
                }
            });
            mailbox = result(mailboxCall); // first: a mailbox that does not exist is that page's answer
            transitions = result(transitionsCall);
            policy = result(policyCall);
            graduation = result(graduationCall);
            sending = result(sendingCall);
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
                        .protectionMailboxesPath() + "/" + CampaignPages.encode(mailboxId) + "/transitions",
                        Map.of("target", target, "reason", reason.strip(), "force", "force".equals(confirm)));
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
