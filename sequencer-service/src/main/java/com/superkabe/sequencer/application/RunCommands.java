package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.run.RunEvent;
import com.superkabe.sequencer.domain.RunCommand;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Port: runs a command against its run and returns the events it decided (and stored). */
public interface RunCommands {

    List<RunEvent> execute(RunCommand command, Envelope cause);

    /** An operator's action word (RESEND/RETRY, DROP/SKIP, STOP), or empty when it is none of them. */
    static Optional<RunCommand.ResolveAction> resolveAction(String action) {
        if (action == null) {
            return Optional.empty();
        }
        return switch (action.strip().toUpperCase(Locale.ROOT)) {
            case "RESEND", "RETRY" -> Optional.of(RunCommand.ResolveAction.RESEND);
            case "DROP", "SKIP" -> Optional.of(RunCommand.ResolveAction.DROP);
            case "STOP" -> Optional.of(RunCommand.ResolveAction.STOP);
            default -> Optional.empty();
        };
    }
}
