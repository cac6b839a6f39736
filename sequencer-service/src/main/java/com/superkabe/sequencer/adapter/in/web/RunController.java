package com.superkabe.sequencer.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.application.RunViews;
import com.superkabe.sequencer.domain.RunView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A run and its full transition history: the first stop when asking "why did this lead get that mail?".
 * Each transition carries the words that explain it when its event has them: the reason (a retry's
 * cause, a move, a pause, a suppression, a failure), the mailboxes of a move, a retry's class,
 * attempt and due tick, and a send's mailbox and attempt.
 */
@RestController
class RunController {

    private final RunViews runs;
    private final JdbcClient jdbc;

    RunController(RunViews runs, JdbcClient jdbc) {
        this.runs = runs;
        this.jdbc = jdbc;
    }

    private static final List<String> DETAILS = List.of("reason", "fromMailboxId", "toMailboxId", "failureClass",
            "attempt", "dueTick", "mailboxId", "sendId", "action", "actor", "cause");
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private static void details(Map<String, Object> transition, String payload) {
        if (payload == null) {
            return;
        }
        tools.jackson.databind.JsonNode event = JSON.readTree(payload);
        for (String field : DETAILS) {
            tools.jackson.databind.JsonNode value = event.get(field);
            if (value != null && !value.isNull()) {
                transition.put(field, value.isNumber() ? value.numberValue() : value.asString());
            }
        }
    }

    @GetMapping("/api/v1/runs/{runId}")
    Map<String, Object> get(OrgId org, @PathVariable String runId) {
        RunView run = runs.find(runId).filter(r -> r.orgId().equals(org.value()))
                .orElseThrow(() -> ApiProblem.notFound("Run", runId));
        List<Map<String, Object>> transitions = jdbc.sql("SELECT event_type, tick, status, event_id, variant, payload "
                        + "FROM run_transition WHERE run_id = ? ORDER BY seq")
                .param(runId)
                .query((rs, i) -> {
                    Map<String, Object> t = new LinkedHashMap<>(Map.of("type", rs.getString(1), "tick", rs.getLong(2),
                            "status", rs.getString(3), "eventId", rs.getString(4)));
                    Integer variant = rs.getObject(5, Integer.class);
                    if (variant != null) {
                        t.put("variant", variant); // the A/B variant this send was rendered from
                    }
                    details(t, rs.getString(6));
                    return t;
                })
                .list();
        return Map.of("run", run, "transitions", transitions);
    }
}
