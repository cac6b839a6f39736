package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.run.RunEvent;
import com.superkabe.sequencer.domain.RunCommand;
import java.util.List;

/** Port: runs a command against its run and returns the events it decided (and stored). */
public interface RunCommands {

    List<RunEvent> execute(RunCommand command, Envelope cause);
}
