package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.RunView;
import java.util.List;
import java.util.Optional;

/**
 * Port: the run read model. {@link #due}: runs due at the tick whose mailbox may send, by due tick,
 * then run id in code-point order, starting after {@code after} (null: from the first) so the
 * dispatcher can page past runs its caps hold. {@link #activeFor}: an organization's non-terminal runs of an
 * address ({@code Suppression.key}), in run id code-point order.
 */
public interface RunViews {

    Optional<RunView> find(String runId);

    List<RunView> due(long tick, DueCursor after, int limit);

    /** A position in the due order: (due tick, run id). */
    record DueCursor(long dueTick, String runId) {
        public static DueCursor after(RunView run) {
            return new DueCursor(run.dueTick(), run.runId());
        }
    }

    List<RunView> byCampaign(String orgId, String campaignId);

    List<RunView> activeFor(String orgId, String addressKey);
}
