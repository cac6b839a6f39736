package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.Suppression;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Org-wide suppression (seed 002, CAN-SPAM § 5(a)(4)(A), CASL § 11(3), GDPR Art. 21): an unsubscribe
 * or hard bounce in any run ends every active run of the organization for that address, and the
 * address stays suppressed for later enrolments and for the dispatcher's last check. Facts arrive
 * through the ordered input queue only, so a replay rebuilds the same view at the same points.
 */
public class OrgSuppression {

    private final Suppressions suppressions;
    private final RunCommands runs;
    private final RunViews views;

    public OrgSuppression(Suppressions suppressions, RunCommands runs, RunViews views) {
        this.suppressions = suppressions;
        this.runs = runs;
        this.views = views;
    }

    /** Records the fact, then ends its own run (if any) and every other active run of the address, by run id. */
    public void apply(Suppression fact, Envelope cause) {
        suppressions.add(fact);
        String source = fact.sourceRunId();
        if (source != null) {
            views.find(source).ifPresent(v -> runs.execute(new RunCommand.Suppress(v.runId(), fact, fact.tick()), cause));
        }
        for (RunView v : views.activeFor(fact.orgId(), fact.address())) {
            if (!v.runId().equals(source)) {
                runs.execute(new RunCommand.Suppress(v.runId(), fact, fact.tick()), cause);
            }
        }
    }

    /** The suppression in force for a new enrolment of {@code email} in {@code orgId}, if any. */
    public Optional<Suppression> of(String orgId, String email) {
        return suppressions.find(List.of(new Suppressions.Recipient(orgId, Suppression.key(email)))).stream()
                .findFirst();
    }

    /** The suppressions of the runs about to be dispatched, by run id. */
    public Map<String, Suppression> ofRuns(Collection<RunView> due) {
        if (due.isEmpty()) {
            return Map.of();
        }
        Map<Suppressions.Recipient, Suppression> byRecipient = new HashMap<>();
        suppressions.find(due.stream().map(OrgSuppression::recipient).distinct().toList())
                .forEach(s -> byRecipient.put(new Suppressions.Recipient(s.orgId(), s.address()), s));
        Map<String, Suppression> byRun = new HashMap<>();
        for (RunView v : due) {
            Suppression s = byRecipient.get(recipient(v));
            if (s != null) {
                byRun.put(v.runId(), s);
            }
        }
        return byRun;
    }

    private static Suppressions.Recipient recipient(RunView v) {
        return new Suppressions.Recipient(v.orgId(), Suppression.key(v.email()));
    }
}
