package com.superkabe.sequencer.adapter.in.web;

import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns a request's sending rules into {@link CampaignRules}, refusing bad ones with a problem naming the field. */
final class CampaignRulesMapper {

    private CampaignRulesMapper() {
    }

    /** The longest mailbox id the store keeps (run_view, campaign_mailbox_limit: VARCHAR(64)). */
    static final int MAX_MAILBOX_ID = 64;

    static CampaignRules rules(CampaignRequest body) {
        Map<String, Integer> perMailbox = body.mailboxDailyLimits() == null ? Map.of() : body.mailboxDailyLimits();
        perMailbox.forEach((mailbox, limit) -> {
            if (mailbox.length() > MAX_MAILBOX_ID) {
                throw ApiProblem.invalid("mailboxDailyLimits", "a mailbox id must be at most " + MAX_MAILBOX_ID
                        + " characters");
            }
            if (!body.mailboxIds().contains(mailbox)) {
                throw ApiProblem.invalid("mailboxDailyLimits",
                        "mailbox '" + mailbox + "' is not one of this campaign's mailboxIds");
            }
            if (limit == null || limit < 1) {
                throw ApiProblem.invalid("mailboxDailyLimits", "the limit of mailbox '" + mailbox + "' must be at least 1");
            }
        });
        if (body.mailboxIds().stream().anyMatch(m -> m.length() > MAX_MAILBOX_ID)) {
            throw ApiProblem.invalid("mailboxIds", "a mailbox id must be at most " + MAX_MAILBOX_ID + " characters");
        }
        return new CampaignRules(window(body), body.dailyLimit(), perMailbox,
                body.sendGapMinutes() == null ? 0 : body.sendGapMinutes(),
                body.reassignAfterTicks() == null ? CampaignRules.DEFAULT_REASSIGN_AFTER_TICKS : body.reassignAfterTicks(),
                Boolean.TRUE.equals(body.euComplianceMode()), policies(body.policies()));
    }

    /** {@code {"SENDING_WINDOW": "SKIP_WITH_LOG", …}}: names as in ADR 0022, case-insensitive. */
    static com.superkabe.sequencer.domain.policy.PolicySettings policies(Map<String, String> given) {
        if (given == null) {
            return com.superkabe.sequencer.domain.policy.PolicySettings.DEFAULT;
        }
        Map<com.superkabe.events.run.SendPolicy, com.superkabe.events.run.PolicyAction> actions =
                new java.util.EnumMap<>(com.superkabe.events.run.SendPolicy.class);
        given.forEach((name, action) -> {
            com.superkabe.events.run.SendPolicy policy;
            try {
                policy = com.superkabe.events.run.SendPolicy.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("policies." + name, "unknown policy; one of "
                        + java.util.Arrays.toString(com.superkabe.events.run.SendPolicy.values()));
            }
            com.superkabe.events.run.PolicyAction chosen;
            try {
                chosen = com.superkabe.events.run.PolicyAction.valueOf(action == null ? ""
                        : action.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("policies." + name, "must be one of "
                        + com.superkabe.sequencer.domain.policy.PolicySettings.allowed(policy));
            }
            if (!com.superkabe.sequencer.domain.policy.PolicySettings.allowed(policy).contains(chosen)) {
                throw ApiProblem.invalid("policies." + name, "must be one of "
                        + com.superkabe.sequencer.domain.policy.PolicySettings.allowed(policy));
            }
            actions.put(policy, chosen);
        });
        return new com.superkabe.sequencer.domain.policy.PolicySettings(actions);
    }

    private static SendWindow window(CampaignRequest b) {
        if (b.scheduleTimezone() == null && b.scheduleStartTime() == null && b.scheduleEndTime() == null
                && b.scheduleDays() == null) {
            return SendWindow.ALWAYS;
        }
        if (b.scheduleTimezone() == null || b.scheduleTimezone().isBlank()) {
            throw ApiProblem.invalid("scheduleTimezone", "is required with a schedule (an IANA zone, e.g. Europe/Paris)");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(b.scheduleTimezone());
        } catch (DateTimeException e) {
            throw ApiProblem.invalid("scheduleTimezone", "'" + b.scheduleTimezone() + "' is not a valid time zone id");
        }
        LocalTime start = time("scheduleStartTime", b.scheduleStartTime());
        LocalTime end = time("scheduleEndTime", b.scheduleEndTime());
        if ((start == null) != (end == null)) {
            throw ApiProblem.invalid(start == null ? "scheduleStartTime" : "scheduleEndTime",
                    "scheduleStartTime and scheduleEndTime are given together or not at all");
        }
        if (start != null && start.equals(end)) {
            throw ApiProblem.invalid("scheduleEndTime",
                    "must differ from scheduleStartTime (omit both for the whole day; start after end is overnight)");
        }
        return new SendWindow(zone, start, end, days(b.scheduleDays()));
    }

    private static LocalTime time(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{2}:\\d{2}")) {
            // the store keeps minutes; finer values could pass the start ≠ end check and then collide
            throw ApiProblem.invalid(field, "'" + value + "' is not a time of day HH:mm");
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "'" + value + "' is not a time of day HH:mm");
        }
    }

    private static Set<DayOfWeek> days(List<String> names) {
        if (names == null) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        if (names.isEmpty()) {
            throw ApiProblem.invalid("scheduleDays", "must name at least one day");
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : names) {
            days.add(day(name));
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (n.length() >= 3 && d.name().startsWith(n) && (n.length() == 3 || n.equals(d.name()))) {
                return d;
            }
        }
        throw ApiProblem.invalid("scheduleDays", "'" + name + "' is not a day (MON..SUN or MONDAY..SUNDAY)");
    }
}
