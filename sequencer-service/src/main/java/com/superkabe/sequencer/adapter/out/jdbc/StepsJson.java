package com.superkabe.sequencer.adapter.out.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.superkabe.events.run.PolicyAction;
import com.superkabe.events.run.SendPolicy;
import com.superkabe.sequencer.domain.StepCondition;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.policy.PolicySettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How a campaign version's steps and a campaign's policy actions are stored. */
final class StepsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StepsJson() {
    }

    static String write(List<StepTemplate> steps) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StepTemplate s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subject", s.subject());
            m.put("body", s.body());
            m.put("delayTicks", s.delayTicks());
            if (s.condition() != null) {
                m.put("condition", s.condition().text());
            }
            m.put("variants", s.variants().stream().map(v -> Map.of("subject", v.subject(), "body", v.body(),
                    "weight", v.weight())).toList());
            out.add(m);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("steps cannot be written as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<StepTemplate> read(String json) {
        try {
            List<Map<String, Object>> in = JSON.readValue(json, List.class);
            List<StepTemplate> steps = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                Map<String, Object> m = in.get(i);
                List<StepTemplate.Variant> variants = ((List<Map<String, Object>>) m.getOrDefault("variants", List.of()))
                        .stream().map(v -> new StepTemplate.Variant((String) v.get("subject"), (String) v.get("body"),
                                ((Number) v.get("weight")).intValue())).toList();
                String condition = (String) m.get("condition");
                steps.add(new StepTemplate((String) m.get("subject"), (String) m.get("body"),
                        ((Number) m.get("delayTicks")).longValue(), variants,
                        condition == null ? null : StepCondition.parse(condition, i)));
            }
            return steps;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored steps are not JSON", e);
        }
    }

    /** {@code SENDING_WINDOW=SKIP_WITH_LOG,…}: only the choices that differ from the defaults. */
    static String policies(PolicySettings settings) {
        return settings.actions().isEmpty() ? null : settings.actions().entrySet().stream()
                .map(e -> e.getKey().name() + "=" + e.getValue().name()).collect(Collectors.joining(","));
    }

    static PolicySettings policies(String stored) {
        if (stored == null || stored.isBlank()) {
            return PolicySettings.DEFAULT;
        }
        Map<SendPolicy, PolicyAction> actions = new EnumMap<>(SendPolicy.class);
        for (String pair : stored.split(",")) {
            String[] kv = pair.split("=", 2);
            actions.put(SendPolicy.valueOf(kv[0]), PolicyAction.valueOf(kv[1]));
        }
        return new PolicySettings(actions);
    }
}
