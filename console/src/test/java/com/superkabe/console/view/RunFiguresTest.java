package com.superkabe.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunFiguresTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String s) {
        return JSON.readTree(s.replace('\'', '"'));
    }

    private static JsonNode run(String... types) {
        StringBuilder t = new StringBuilder();
        for (String type : types) {
            t.append(t.isEmpty() ? "" : ",").append("{'type':'").append(type).append("'}");
        }
        return json("{'run':{},'transitions':[" + t + "]}");
    }

    @Test
    void countsRunsByStatusAndByHoldingPolicyAndSendsOnlyWhenTheRunAdvancedAfterItsRequest() {
        JsonNode runs = json("[{'status':'WAITING','heldBy':null},{'status':'WAITING','heldBy':'SENDING_WINDOW'},"
                + "{'status':'REPLIED','heldBy':null}]");
        List<JsonNode> details = List.of(
                run("superkabe.send.requested.v1", "superkabe.run.step-advanced.v1"),
                run("superkabe.send.requested.v1", "superkabe.run.send-failed.v1", "superkabe.run.retry-scheduled.v1"),
                run("superkabe.send.requested.v1", "superkabe.run.completed.v1", "superkabe.reply.received.v1",
                        "superkabe.run.replied.v1"));

        RunFigures f = RunFigures.of(runs, details);

        assertThat(f.byStatus()).containsEntry("WAITING", 2).containsEntry("REPLIED", 1);
        assertThat(f.heldBy()).containsOnlyKeys("SENDING_WINDOW");
        assertThat(f.sends()).isEqualTo(2);
        assertThat(f.replies()).as("a reply recorded twice on a run counts once").isEqualTo(1);
        assertThat(f.bounces()).isZero();
    }
}
