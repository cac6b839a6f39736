package com.superkabe.sequencer.adapter.out.axon;

import com.superkabe.events.run.RunEvent;
import com.superkabe.sequencer.domain.RunState;
import java.util.List;

/** What a command did to a run: the events applied and the state after them. */
public record RunOutcome(List<RunEvent> events, RunState state) {
}
