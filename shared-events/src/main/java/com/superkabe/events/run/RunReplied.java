package com.superkabe.events.run;

import com.superkabe.events.Require;

/** The lead replied; the run is terminal (status replied) and no further step is sent. */
public record RunReplied(String orgId, String runId, String replyId, long tick) implements RunEvent {
    public RunReplied {
        Require.text(runId, "runId");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
