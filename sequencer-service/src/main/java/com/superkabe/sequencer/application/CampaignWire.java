package com.superkabe.sequencer.application;

import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.campaign.CampaignSendRules;
import com.superkabe.events.campaign.CampaignStep;
import com.superkabe.events.run.PolicyAction;
import com.superkabe.events.run.SendPolicy;
import com.superkabe.sequencer.domain.StepCondition;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import com.superkabe.sequencer.domain.policy.PolicySettings;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A campaign's definition to and from its wire form on the campaigns topic (ADR 0039): what the
 * sequencer publishes when a campaign is created or edited, and what a replay of the topics rebuilds
 * the campaign from. Sets and maps are written sorted, so one definition has one wire form.
 */
public final class CampaignWire {

    private CampaignWire() {
    }

    public static CampaignCreated created(CampaignDef c) {
        return new CampaignCreated(c.orgId(), c.campaignId(), c.name(), c.status(), c.steps().size(), c.mailboxIds(),
                steps(c.steps()), rules(c.rules()));
    }

    /** The definition a CampaignCreated carries; empty for one published before it carried it. */
    public static Optional<CampaignDef> definition(CampaignCreated e) {
        if (!e.hasDefinition()) {
            return Optional.empty();
        }
        CampaignRules rules = e.rules() == null ? CampaignRules.UNLIMITED : rules(e.rules());
        return Optional.of(new CampaignDef(e.orgId(), e.campaignId(), e.name() == null ? e.campaignId() : e.name(),
                e.status(), e.mailboxIds(), templates(e.steps()), rules, Map.of(), 1));
    }

    public static List<CampaignStep> steps(List<StepTemplate> steps) {
        return steps.stream().map(s -> new CampaignStep(s.subject(), s.body(), s.delayTicks(),
                s.variants().stream().map(v -> new CampaignStep.Variant(v.subject(), v.body(), v.weight())).toList(),
                s.condition() == null ? null : s.condition().text())).toList();
    }

    public static List<StepTemplate> templates(List<CampaignStep> steps) {
        List<StepTemplate> out = new ArrayList<>();
        for (CampaignStep s : steps) {
            out.add(new StepTemplate(s.subject(), s.body(), s.delayTicks(), s.variants().stream()
                    .map(v -> new StepTemplate.Variant(v.subject(), v.body(), v.weight())).toList(),
                    s.condition() == null ? null : StepCondition.parse(s.condition(), out.size())));
        }
        return out;
    }

    static CampaignSendRules rules(CampaignRules r) {
        SendWindow w = r.window();
        return new CampaignSendRules(w.zone().getId(), w.start() == null ? null : w.start().toString(),
                w.end() == null ? null : w.end().toString(),
                w.days().stream().sorted().map(DayOfWeek::name).toList(), r.dailyLimit(),
                new TreeMap<>(r.mailboxDailyLimits()).entrySet().stream()
                        .map(e -> new CampaignSendRules.MailboxDailyLimit(e.getKey(), e.getValue())).toList(),
                r.sendGapMinutes(), r.reassignAfterTicks(), r.euComplianceMode(),
                r.policies().actions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new CampaignSendRules.PolicyChoice(e.getKey(), e.getValue())).toList());
    }

    static CampaignRules rules(CampaignSendRules r) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        r.days().forEach(d -> days.add(DayOfWeek.valueOf(d)));
        SendWindow window = new SendWindow(ZoneId.of(r.timeZone() == null ? "UTC" : r.timeZone()),
                r.windowStart() == null ? null : LocalTime.parse(r.windowStart()),
                r.windowEnd() == null ? null : LocalTime.parse(r.windowEnd()),
                days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : days);
        Map<String, Integer> limits = new TreeMap<>();
        r.mailboxDailyLimits().forEach(l -> limits.put(l.mailboxId(), l.dailyLimit()));
        Map<SendPolicy, PolicyAction> actions = new EnumMap<>(SendPolicy.class);
        r.policies().stream().sorted(Comparator.comparing(CampaignSendRules.PolicyChoice::policy))
                .forEach(p -> actions.put(p.policy(), p.action()));
        return new CampaignRules(window, r.dailyLimit(), limits, r.sendGapMinutes(), r.reassignAfterTicks(),
                r.euComplianceMode(), new PolicySettings(actions));
    }
}
