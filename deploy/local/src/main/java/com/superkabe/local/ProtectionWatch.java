package com.superkabe.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the protection demo reads back, through the public APIs only, printing what is new: the
 * mailbox's state and audit trail at the protection service, the lead's gate decisions, its run.
 */
final class ProtectionWatch {

    private final Http http;
    private final Map<String, String> auth;
    private final String mailboxUrl;
    private final List<ProtectionVerdict.Step> trail = new ArrayList<>();
    private final List<ProtectionVerdict.Decision> decisions = new ArrayList<>();
    private String state = "unknown";
    private String runStatus;

    ProtectionWatch(Http http, String apiKey, String mailboxId) {
        this.http = http;
        this.auth = Map.of("X-Api-Key", apiKey);
        this.mailboxUrl = ServiceSpec.named("protection-service").baseUrl() + "/api/v1/protection/mailboxes/" + mailboxId;
    }

    /** Reads the mailbox's audit trail and prints the transitions not shown yet; returns its state. */
    String mailbox() throws InterruptedException {
        JsonNode rows = read(mailboxUrl + "/transitions");
        if (rows != null && rows.isArray()) {
            for (int i = trail.size(); i < rows.size(); i++) {
                JsonNode t = rows.get(i);
                trail.add(new ProtectionVerdict.Step(t.path("from").asString(null), t.path("to").asString("?"),
                        t.path("trigger").asString("?")));
                Console.info("    " + describe(t));
                state = t.path("to").asString(state);
            }
        }
        return state;
    }

    /** The protection service's whole view of the mailbox, as one line. */
    String snapshot() throws InterruptedException {
        JsonNode m = read(mailboxUrl);
        if (m == null) {
            return "(mailbox view unavailable)";
        }
        return "state " + m.path("state").asString("?") + ", sends " + m.path("sends").asLong() + ", bounces "
                + m.path("bounces").asLong() + ", bounces in window " + m.path("windowBounces").asInt()
                + ", offences " + m.path("offences").asInt() + ", cooldown until tick "
                + m.path("cooldownUntilTick").asLong() + ", clean sends in phase " + m.path("cleanSendsInPhase").asInt()
                + ", warmup limit " + (m.path("warmupLimit").isNull() || m.path("warmupLimit").isMissingNode()
                ? "none" : m.path("warmupLimit").asInt() + "/day");
    }

    /** Prints the full audit trail, as the protection service returns it. */
    void printAuditTrail() throws InterruptedException {
        JsonNode rows = read(mailboxUrl + "/transitions");
        Console.info("audit trail: GET " + mailboxUrl + "/transitions");
        if (rows != null) {
            rows.forEach(t -> Console.info("    " + describe(t) + "  (actor " + t.path("actor").asString("?")
                    + ", mode " + t.path("mode").asString("?") + ")"));
        }
    }

    /** Reads the lead's gate decisions and prints the ones not shown yet. */
    List<ProtectionVerdict.Decision> decisions(String leadId) throws InterruptedException {
        String url = ServiceSpec.named("gate-service").baseUrl() + "/api/v1/leads/" + leadId + "/gate-decisions";
        JsonNode rows = read(url);
        if (rows != null && rows.isArray()) {
            for (int i = decisions.size(); i < rows.size(); i++) {
                JsonNode d = rows.get(i);
                String mailboxAnswer = "?";
                for (JsonNode c : d.path("checks")) {
                    if ("mailbox_available".equals(c.path("check").asString(""))) {
                        mailboxAnswer = c.path("answer").asString("?");
                    }
                }
                decisions.add(new ProtectionVerdict.Decision(d.path("outcome").asString("?"),
                        d.path("failureClass").asString(null), mailboxAnswer));
                printDecision(i + 1, url, d);
            }
        }
        return List.copyOf(decisions);
    }

    /** The lead's run at the sequencer, if it has one; prints its status when it changes. */
    String run(String campaignId, String email) throws InterruptedException {
        JsonNode runs = read(ServiceSpec.named("sequencer-service").baseUrl() + "/api/v1/campaigns/" + campaignId
                + "/runs");
        if (runs != null) {
            for (JsonNode r : runs) {
                String status = r.path("status").asString("?");
                if (email.equals(r.path("email").asString("")) && !status.equals(runStatus)) {
                    runStatus = status;
                    Console.info("run of " + email + " at the sequencer: " + status + ", step "
                            + r.path("currentStep").asString("?") + ", due tick " + r.path("dueTick").asString("-"));
                }
            }
        }
        return runStatus;
    }

    List<ProtectionVerdict.Step> trail() {
        return List.copyOf(trail);
    }

    List<ProtectionVerdict.Decision> seenDecisions() {
        return List.copyOf(decisions);
    }

    String runStatus() {
        return runStatus;
    }

    private static void printDecision(int n, String url, JsonNode d) {
        StringBuilder sb = new StringBuilder("gate decision #" + n + " (GET " + url + "), tick "
                + d.path("tick").asString("?") + ": " + d.path("outcome").asString("?"));
        if (!d.path("failureClass").isNull() && !d.path("failureClass").isMissingNode()) {
            sb.append(' ').append(d.path("failureClass").asString(""));
        }
        sb.append(", mode ").append(d.path("mode").asString("?"));
        if (!d.path("reason").isNull() && !d.path("reason").isMissingNode()) {
            sb.append("\n    reason: ").append(d.path("reason").asString(""));
        }
        d.path("checks").forEach(c -> sb.append("\n    ").append(c.path("text").asString("?")));
        d.path("warnings").forEach(w -> sb.append("\n    warning: ").append(w.asString("?")));
        Console.info(sb.toString());
    }

    private static String describe(JsonNode t) {
        String from = t.path("from").isNull() || t.path("from").isMissingNode() ? "(new)" : t.path("from").asString();
        return String.format("tick %-4s %s → %s  [%s] %s", t.path("logicalTick").asString("?"), from,
                t.path("to").asString("?"), t.path("trigger").asString("?"), t.path("reason").asString(""));
    }

    /** A read that fails or is not there yet is retried by the caller's polling, not fatal. */
    private JsonNode read(String url) throws InterruptedException {
        try {
            Http.Response r = http.get(url, auth);
            return r.isSuccess() ? r.body() : null;
        } catch (IOException e) {
            Console.warn("GET " + url + " failed: " + e.getMessage());
            return null;
        }
    }
}
