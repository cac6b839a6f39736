package com.superkabe.console.view;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's figures from its runs: how many are in each status, how many are held by each send
 * policy, and the sends their transitions record and the runs that saw a bounce or a reply.
 */
public record RunFigures(Map<String, Integer> byStatus, Map<String, Integer> heldBy, int sends, int bounces,
                         int replies) {

    public static RunFigures of(JsonNode runs, List<JsonNode> details) {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> heldBy = new TreeMap<>();
        for (JsonNode run : runs) {
            byStatus.merge(run.path("status").asString(), 1, Integer::sum);
            String held = Json.text(run, "heldBy");
            if (held != null) {
                heldBy.merge(held, 1, Integer::sum);
            }
        }
        int sends = 0;
        int bounces = 0;
        int replies = 0;
        for (JsonNode d : details) {
            boolean bounced = false;
            boolean replied = false;
            String previous = "";
            for (JsonNode t : d.path("transitions")) {
                String type = t.path("type").asString().toLowerCase(Locale.ROOT);
                // the sequencer records a delivered send as the run advancing (or completing) right after its request
                boolean advanced = type.equals("superkabe.run.step-advanced.v1")
                        || type.equals("superkabe.run.completed.v1");
                if (previous.equals("superkabe.send.requested.v1") && advanced) {
                    sends++;
                }
                previous = type;
                bounced |= type.contains("bounced");
                replied |= type.contains("replied") || type.contains("reply.received");
            }
            // a reply or bounce may be recorded twice on a run (the message's event and the run's own)
            bounces += bounced ? 1 : 0;
            replies += replied ? 1 : 0;
        }
        return new RunFigures(byStatus, heldBy, sends, bounces, replies);
    }
}
