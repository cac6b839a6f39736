package com.superkabe.sequencer.application;

import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;
import com.superkabe.sequencer.domain.dispatch.EspRecord;
import com.superkabe.sequencer.domain.dispatch.HoldReason;
import com.superkabe.sequencer.domain.dispatch.Router;
import com.superkabe.sequencer.domain.dispatch.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where one due run is sent from at this tick (ADR 0019): its sticky mailbox while that may send;
 * otherwise — no mailbox yet, the sticky one refused the step for the sender's fault, or it has been
 * unable to send for longer than the campaign's reassignAfterTicks — the best other mailbox of the
 * campaign by {@link Router}'s score. A sticky mailbox that cannot send for a shorter while holds the run.
 */
final class Routing {

    /** The outcome for one run: send from {@code mailboxId} (recording {@code reason} if it moves), or hold. */
    sealed interface Route {
    }

    record Go(String mailboxId, String reason) implements Route {
    }

    record Hold(HoldReason reason, DispatchPolicy.Scope scope, String mailboxId) implements Route {
    }

    private Routing() {
    }

    static Route route(RunView due, CampaignDef campaign, long tick, DispatchPolicy policy,
                       Map<String, MailboxStatus> status, Map<String, EspRecord> performance) {
        String sticky = due.mailboxId();
        long avoidTicks = campaign.rules().reassignAfterTicks();
        String reason;
        if (sticky != null && !due.avoids(sticky, tick, avoidTicks)) {
            MailboxStatus st = status.getOrDefault(sticky, MailboxStatus.AVAILABLE);
            if (st.available()) {
                DispatchPolicy.Candidate c = candidate(due, sticky);
                return switch (policy.consider(c)) {
                    case Verdict.Send s -> new Go(sticky, null);
                    case Verdict.Hold h -> new Hold(h.reason(), policy.scope(c, h.reason()), sticky);
                };
            }
            long unavailable = st.unavailableFor(tick);
            if (unavailable < avoidTicks) {
                return new Hold(HoldReason.MAILBOX_UNAVAILABLE, DispatchPolicy.Scope.PAIR, sticky);
            }
            reason = "moved: " + sticky + " " + st.why() + " for " + (unavailable == Long.MAX_VALUE ? "more than "
                    + avoidTicks : unavailable) + " ticks";
        } else if (sticky != null) {
            reason = "moved: " + sticky + " refused the step for the sender's fault";
        } else if (due.avoids(due.avoidMailboxId(), tick, avoidTicks)) {
            reason = "moved: " + due.avoidMailboxId() + " refused the step for the sender's fault";
        } else {
            reason = "routed";
        }
        List<Router.Option> options = new ArrayList<>();
        java.util.Set<HoldReason> holds = java.util.EnumSet.noneOf(HoldReason.class);
        for (String m : campaign.mailboxIds()) {
            if (m.equals(sticky) || due.avoids(m, tick, avoidTicks)
                    || !status.getOrDefault(m, MailboxStatus.AVAILABLE).available()) {
                holds.add(HoldReason.MAILBOX_UNAVAILABLE);
                continue;
            }
            switch (policy.consider(candidate(due, m))) {
                case Verdict.Send s -> options.add(new Router.Option(m, s.remaining(),
                        performance.getOrDefault(m, EspRecord.NONE)));
                case Verdict.Hold h -> holds.add(h.reason());
            }
        }
        // the campaign's window is the same for every mailbox: say so rather than "no mailbox"
        HoldReason why = holds.size() == 1 && holds.contains(HoldReason.WINDOW_CLOSED) ? HoldReason.WINDOW_CLOSED
                : holds.size() == 1 && holds.contains(HoldReason.CAMPAIGN_DAILY_LIMIT) ? HoldReason.CAMPAIGN_DAILY_LIMIT
                : HoldReason.NO_ELIGIBLE_MAILBOX;
        return Router.choose(due.runId(), options)
                .<Route>map(choice -> new Go(choice.mailboxId(), reason + " by " + choice.why()))
                .orElseGet(() -> new Hold(why, why != HoldReason.NO_ELIGIBLE_MAILBOX || sticky == null
                        && !leadSpecific(holds) && due.avoidMailboxId() == null ? DispatchPolicy.Scope.CAMPAIGN
                        : DispatchPolicy.Scope.NONE, sticky));
    }

    /**
     * Whether a hold depends on the lead (its health, its address's provider): then other runs of the
     * campaign may still go, and the hold must not reach beyond this run.
     */
    private static boolean leadSpecific(java.util.Set<HoldReason> holds) {
        return holds.contains(HoldReason.YELLOW_BUDGET) || holds.contains(HoldReason.BULK_SENDER_BUDGET)
                || holds.contains(HoldReason.ESP_THROTTLED);
    }

    static DispatchPolicy.Candidate candidate(RunView due, String mailboxId) {
        return new DispatchPolicy.Candidate(due.runId(), due.campaignId(), mailboxId, due.yellow(),
                consumerEsp(due.email()), due.esp());
    }

    /** GOOGLE or MICROSOFT when the recipient is a consumer Gmail or Outlook address (the bulk-sender budget). */
    static RecipientEsp consumerEsp(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? null : RecipientEsp.consumerProvider(email.substring(at + 1))
                .filter(esp -> esp == RecipientEsp.GOOGLE || esp == RecipientEsp.MICROSOFT).orElse(null);
    }
}
