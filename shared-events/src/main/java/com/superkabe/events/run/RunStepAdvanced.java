package com.superkabe.events.run;

import com.superkabe.events.Require;

/** The step's email was sent; the run waits for {@code nextStep}, due at {@code dueTick}. */
public record RunStepAdvanced(String orgId, String runId, int nextStep, long dueTick, long tick)
        implements RunEvent {
    public RunStepAdvanced {
        Require.text(runId, "runId");
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
