package com.superkabe.sequencer.adapter.out.axon;

import com.superkabe.sequencer.domain.RunCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Carries a domain command to its run aggregate; the domain command itself knows nothing of Axon. */
public record RunCommandMessage(@TargetAggregateIdentifier String runId, RunCommand command) {
}
