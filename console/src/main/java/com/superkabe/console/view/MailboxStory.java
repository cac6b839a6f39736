package com.superkabe.console.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Everything the mailbox page tells: protection's view of the mailbox, its audit trail (newest
 * first), the bounce window against the policy's thresholds, progress towards the current phase's
 * graduation criteria, and its sending limits.
 */
public record MailboxStory(Map<String, Object> mailbox, String state, List<Map<String, Object>> timeline,
                           BounceChart chart, List<Criterion> criteria, String phaseNote, long currentTick,
                           List<Cap> caps, List<String> targets) {

    /** One graduation criterion: where the mailbox is, what it needs, and whether it is met. */
    public record Criterion(String name, long current, long required, boolean met, String unit) {
        public int percent() {
            return required <= 0 ? 100 : (int) Math.min(100, Math.max(0, current * 100 / required));
        }
    }

    /** A limit on how much the mailbox may send, and where it comes from. */
    public record Cap(String name, String value, String source) {
    }

    /**
     * The bounce window as an SVG bar: bounces among the last sends, with the warning and pause
     * thresholds marked. Coordinates are computed here so the template only places them.
     */
    public record BounceChart(int bounces, int warningBounces, int warningWindow, int pauseBounces, int pauseWindow,
                              int scale) {
        public static final int WIDTH = 480;

        public int x(int count) {
            return 10 + (int) ((long) count * (WIDTH - 20) / Math.max(1, scale));
        }

        public int barWidth() {
            return x(bounces) - 10;
        }

        public String barColour() {
            return bounces >= pauseBounces ? "#c62828" : bounces >= warningBounces ? "#ef8f00" : "#2e7d32";
        }
    }

    public static MailboxStory of(JsonNode mailbox, JsonNode transitions, JsonNode policy, JsonNode graduation,
                                  JsonNode sending) {
        String state = Json.text(mailbox, "state");
        long tick = graduation.path("currentTick").asLong();
        List<Map<String, Object>> timeline = new ArrayList<>(Json.list(transitions));
        java.util.Collections.reverse(timeline);
        int bounces = mailbox.path("windowBounces").asInt();
        int pauseBounces = policy.path("pauseBounces").asInt();
        BounceChart chart = new BounceChart(bounces, policy.path("warningBounces").asInt(),
                policy.path("warningWindow").asInt(), pauseBounces, policy.path("pauseWindow").asInt(),
                Math.max(bounces, pauseBounces + 1));
        List<Criterion> criteria = new ArrayList<>();
        String note = criteria(state, mailbox, graduation, policy, tick, criteria);
        List<Cap> caps = new ArrayList<>();
        JsonNode limit = mailbox.get("warmupLimit");
        caps.add(new Cap("Warmup limit today", limit == null || limit.isNull() ? "none (not warming up)"
                : limit.asInt() + " sends", "protection (warming and healing phases)"));
        if (sending != null) {
            caps.add(new Cap("Daily limit", sending.path("dailyLimit").asInt() + " sends",
                    "the mailbox's registration (" + Json.text(sending, "provider") + ")"));
        }
        caps.add(new Cap("Restricted send cap", graduation.path("restrictedSend").path("dailyLimit").asInt()
                + " sends a day", "policy, while in restricted_send"));
        caps.add(new Cap("Warm recovery ramp", "from " + graduation.path("warmRecovery").path("startLimit").asInt()
                + ", +" + graduation.path("warmRecovery").path("dailyStep").asInt() + " a day",
                "policy, while in warm_recovery"));
        List<String> targets = MailboxOverview.STATES.stream().filter(s -> !s.equals(state)).toList();
        return new MailboxStory(Json.map(mailbox), state, timeline, chart, criteria, note, tick, caps, targets);
    }

    /** Fills the criteria of the phase the mailbox is in; returns what the page says about the phase. */
    private static String criteria(String state, JsonNode m, JsonNode g, JsonNode policy, long tick,
                                   List<Criterion> out) {
        long clean = m.path("cleanSendsInPhase").asLong();
        long inPhase = Math.max(0, tick - m.path("phaseEnteredTick").asLong());
        switch (state) {
            case "warming" -> {
                out.add(crit("Clean sends in warming", clean, g.path("warming").path("cleanSends").asLong(), "sends"));
                out.add(crit("Ticks in warming", inPhase, g.path("warming").path("minTicks").asLong(), "ticks"));
                return "Graduates to healthy when both are met.";
            }
            case "warning" -> {
                int bounces = m.path("windowBounces").asInt();
                int allowed = policy.path("warningBounces").asInt();
                out.add(new Criterion("Bounces in the last " + policy.path("warningWindow").asInt()
                        + " sends below " + allowed, bounces, allowed, bounces < allowed, "bounces"));
                return "Returns to healthy once the bounces in the warning window fall below the threshold.";
            }
            case "paused" -> {
                long until = m.path("cooldownUntilTick").asLong();
                long waited = Math.max(0, tick - m.path("phaseEnteredTick").asLong());
                long needed = Math.max(0, until - m.path("phaseEnteredTick").asLong());
                out.add(new Criterion("Cooldown (until tick " + until + ")", Math.min(waited, needed), needed,
                        tick >= until, "ticks"));
                return "Moves to quarantine when the cooldown has run out"
                        + (m.path("manualReview").asBoolean() ? "; held for manual review" : "") + ".";
            }
            case "quarantine" -> {
                return "Moves to restricted_send when a DNS check (SPF, DKIM, DMARC, DNSBL) passes; checked every "
                        + g.path("dnsCheckIntervalTicks").asLong() + " ticks.";
            }
            case "restricted_send" -> {
                JsonNode r = g.path("restrictedSend");
                long required = m.path("offences").asInt() > 1 ? r.path("repeatOffenderCleanSends").asLong()
                        : r.path("cleanSends").asLong();
                out.add(crit("Clean sends in restricted_send", clean, required, "sends"));
                return "Moves to warm_recovery when met; a bounce here is a relapse.";
            }
            case "warm_recovery" -> {
                JsonNode w = g.path("warmRecovery");
                out.add(crit("Clean sends in warm_recovery", clean, w.path("cleanSends").asLong(), "sends"));
                out.add(crit("Ticks in warm_recovery", inPhase, w.path("minTicks").asLong(), "ticks"));
                return "Graduates to healthy when both are met and the bounce rate in the phase stays below "
                        + w.path("maxBounceRatePercent").asString() + "% (above it: relapse).";
            }
            default -> {
                return "Healthy: no graduation pending.";
            }
        }
    }

    private static Criterion crit(String name, long current, long required, String unit) {
        return new Criterion(name, current, required, current >= required, unit);
    }
}
