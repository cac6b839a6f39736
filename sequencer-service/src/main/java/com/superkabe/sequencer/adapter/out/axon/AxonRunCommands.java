package com.superkabe.sequencer.adapter.out.axon;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.sequencer.adapter.out.jdbc.JdbcRunViews;
import com.superkabe.sequencer.application.RunCommands;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.sequencer.domain.RunView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a command through Axon (events appended to the JDBC event store) and, in the same database
 * transaction, updates the read model, the transition audit and the outbox. Event ids derive from
 * the cause, the run and the index, so a replay produces the same ids.
 */
public class AxonRunCommands implements RunCommands {

    private final CommandGateway gateway;
    private final JdbcRunViews views;
    private final JdbcClient jdbc;
    private final EventSink events;
    private final Envelopes envelopes;
    private final EventCodec codec = new EventCodec();

    public AxonRunCommands(CommandGateway gateway, JdbcRunViews views, JdbcClient jdbc, EventSink events,
                           Envelopes envelopes) {
        this.gateway = gateway;
        this.views = views;
        this.jdbc = jdbc;
        this.events = events;
        this.envelopes = envelopes;
    }

    @Override
    public List<RunEvent> execute(RunCommand command, Envelope cause) {
        RunOutcome outcome = gateway.sendAndWait(new RunCommandMessage(command.runId(), command));
        if (outcome == null || outcome.events().isEmpty()) {
            return List.of();
        }
        views.upsert(RunView.project(outcome.state()));
        for (int i = 0; i < outcome.events().size(); i++) {
            RunEvent event = outcome.events().get(i);
            Envelope envelope = envelopes.causedBy(cause, command.runId(), i, event.tick(), event);
            jdbc.sql("INSERT INTO run_transition(run_id, event_type, tick, status, event_id, payload, variant) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(command.runId(), EventType.of(event).wireName(), event.tick(), outcome.state().status().name(),
                            envelope.id(), new String(codec.toJson(event), StandardCharsets.UTF_8),
                            variant(command, event))
                    .update();
            events.publish(envelope);
        }
        return outcome.events();
    }

    /**
     * The A/B variant a send was rendered from, for analytics: the decider's choice is a pure
     * function of (run, step), so it is recomputed here rather than carried in the event.
     */
    private static Integer variant(RunCommand command, RunEvent event) {
        if (command instanceof RunCommand.Dispatch d && event instanceof SendRequested r) {
            int variant = d.step().variantFor(r.runId(), r.step());
            return variant < 0 ? null : variant;
        }
        return null;
    }
}
