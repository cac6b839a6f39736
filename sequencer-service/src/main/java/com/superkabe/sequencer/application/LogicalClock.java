package com.superkabe.sequencer.application;

/** Port: the last tick this sequencer consumed from the clock topic. */
public interface LogicalClock {

    long currentTick();

    void advanceTo(long tick);
}
