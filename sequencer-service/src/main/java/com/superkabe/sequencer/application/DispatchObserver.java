package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.dispatch.HoldReason;
import java.util.Map;

/** Port: what a tick's dispatch held and why, for metrics (superkabe_dispatch_holds_total by reason). */
public interface DispatchObserver {

    DispatchObserver NONE = (tick, held) -> { };

    void held(long tick, Map<HoldReason, Integer> held);
}
