package com.superkabe.sequencer.adapter.out.axon;

import com.superkabe.events.run.RunEvent;
import com.superkabe.sequencer.domain.RunDecider;
import com.superkabe.sequencer.domain.RunState;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The CampaignLead run as an Axon event-sourced aggregate: a thin host around the pure
 * {@link RunDecider}, which holds all the rules.
 */
public class RunAggregate {

    @AggregateIdentifier
    private String runId;
    private RunState state;

    protected RunAggregate() {
        // rebuilt from its events by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RunOutcome handle(RunCommandMessage message) {
        List<RunEvent> events = RunDecider.decide(message.command(), Optional.ofNullable(state));
        events.forEach(AggregateLifecycle::apply);
        return new RunOutcome(events, state);
    }

    @EventSourcingHandler
    void on(RunEvent event) {
        runId = event.runId();
        state = RunDecider.evolve(state, event);
    }
}
