package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.RunView;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the run read model. {@link #due}: runs due at the tick whose mailbox may send and that are
 * not {@link Blocked} for the tick, by due tick, then run id in code-point order, starting after
 * {@code after} (null: from the first) so the dispatcher can page past runs its caps hold.
 * {@link #activeFor}: an organization's non-terminal runs of an address ({@code Suppression.key}),
 * in run id code-point order.
 */
public interface RunViews {

    Optional<RunView> find(String runId);

    /**
     * {@code unavailableBefore}: runs whose mailbox cannot send are left out unless it became unable to
     * send before this tick (then routing may move them elsewhere).
     */
    List<RunView> due(long tick, DueCursor after, Blocked blocked, long unavailableBefore, int limit);

    /** A position in the due order: (due tick, run id). */
    record DueCursor(long dueTick, String runId) {
        public static DueCursor after(RunView run) {
            return new DueCursor(run.dueTick(), run.runId());
        }
    }

    /** Campaigns, mailboxes and (campaign, mailbox) pairs whose due runs are all held for the rest of a tick. */
    record Blocked(Set<String> campaignIds, Set<String> mailboxIds, Set<CampaignMailbox> pairs) {
        public static final Blocked NONE = new Blocked(Set.of(), Set.of(), Set.of());

        public Blocked {
            campaignIds = Set.copyOf(campaignIds);
            mailboxIds = Set.copyOf(mailboxIds);
            pairs = Set.copyOf(pairs);
        }

        public boolean blocks(RunView v) {
            String mailbox = v.mailboxId() == null ? "" : v.mailboxId();
            return campaignIds.contains(v.campaignId()) || mailboxIds.contains(mailbox)
                    || pairs.contains(new CampaignMailbox(v.campaignId(), mailbox));
        }
    }

    List<RunView> byCampaign(String orgId, String campaignId);

    List<RunView> activeFor(String orgId, String addressKey);

    /** WAITING runs whose wait is over at {@code tick}, by due tick then run id. */
    List<String> waitOver(long tick, int limit);

    /** A campaign's PENDING runs, by run id. */
    List<String> pending(String campaignId);

    /** Every run of a lead in the organization, by run id. */
    List<RunView> byLead(String orgId, String leadId);

    /**
     * Campaigns that have runs, none of them still running, and no run transition after
     * {@code quietSinceTick}; the caller keeps those that are ACTIVE.
     */
    List<String> campaignsToComplete(long quietSinceTick);
}
