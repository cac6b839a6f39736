package com.superkabe.sequencer.adapter.in.web;

import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/campaigns/{id}}: the definition in the request's own terms (null: not set). */
record CampaignResponse(String orgId, String campaignId, String name, String status, List<String> mailboxIds,
                        List<Map<String, Object>> steps, String scheduleTimezone, String scheduleStartTime,
                        String scheduleEndTime, List<String> scheduleDays, Integer dailyLimit,
                        Map<String, Integer> mailboxDailyLimits, int sendGapMinutes, int version, int enrolVersion,
                        Map<com.superkabe.events.run.SendPolicy, com.superkabe.events.run.PolicyAction> policies) {

    static CampaignResponse of(CampaignDef c) {
        CampaignRules r = c.rules();
        SendWindow w = r.window();
        boolean scheduled = !w.equals(SendWindow.ALWAYS);
        return new CampaignResponse(c.orgId(), c.campaignId(), c.name(), c.status(), c.mailboxIds(),
                c.stepsOf(c.latestVersion()).stream().map(CampaignResponse::step).toList(),
                scheduled ? w.zone().getId() : null, text(w.start()), text(w.end()),
                scheduled ? w.days().stream().sorted().map(DayOfWeek::name).toList() : null, r.dailyLimit(),
                r.mailboxDailyLimits(), r.sendGapMinutes(), c.latestVersion(), c.enrolVersion(),
                r.policies().effective());
    }

    /** A step of the newest version, as the request gives it. */
    private static Map<String, Object> step(StepTemplate s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("subject", s.subject());
        m.put("body", s.body());
        m.put("delayTicks", s.delayTicks());
        m.put("variants", s.variants());
        m.put("condition", s.condition() == null ? null : s.condition().text());
        return m;
    }

    private static String text(LocalTime t) {
        return t == null ? null : t.toString();
    }
}
