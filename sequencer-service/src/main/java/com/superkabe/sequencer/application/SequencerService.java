package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.sequencer.domain.RunView;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the sequencer's ordered inputs (gate decisions, clock ticks, send outcomes, replies) into
 * run commands. It reads only its inputs, its read model and the logical clock, so replaying the
 * recorded inputs into a fresh instance decides the same transitions.
 */
public class SequencerService {

    private static final Logger log = LoggerFactory.getLogger(SequencerService.class);
    /** Dispatch at most this many runs per tick; the rest stay due for the next tick. */
    static final int DISPATCH_BATCH = 1_000;

    private final Campaigns campaigns;
    private final RunCommands runs;
    private final RunViews views;
    private final LogicalClock clock;
    private final MailboxAvailability mailboxes;

    public SequencerService(Campaigns campaigns, RunCommands runs, RunViews views, LogicalClock clock,
                            MailboxAvailability mailboxes) {
        this.mailboxes = mailboxes;
        this.campaigns = campaigns;
        this.runs = runs;
        this.views = views;
        this.clock = clock;
    }

    public static String runId(String campaignId, String leadId) {
        return EventIds.derive("run/" + campaignId + "/" + leadId);
    }

    public void onInput(Envelope e) {
        switch (e.payload()) {
            case LeadGateAllowed a -> enroll(e, a);
            case ClockTicked t -> tick(e, t);
            case EmailSent s -> sent(e, s);
            case EmailSendFailed f -> failed(e, f);
            case ReplyReceived r -> replied(e, r);
            case MailboxStateChanged m -> mailboxes.set(m.mailboxId(), m.canSend());
            default -> {
            }
        }
    }

    private void enroll(Envelope cause, LeadGateAllowed allowed) {
        Optional<CampaignDef> campaign = campaigns.find(allowed.campaignId())
                .filter(c -> c.orgId().equals(allowed.orgId()));
        if (campaign.isEmpty()) {
            log.warn("Allowed lead {} targets campaign {} unknown to this organization; not enrolled",
                    allowed.lead().leadId(), allowed.campaignId());
            return;
        }
        CampaignDef c = campaign.get();
        String runId = runId(c.campaignId(), allowed.lead().leadId());
        runs.execute(new RunCommand.Enroll(c.orgId(), runId, c.campaignId(), allowed.lead(), c.mailboxFor(runId),
                c.steps().size(), c.delayBefore(0), clock.currentTick()), cause);
    }

    private void tick(Envelope cause, ClockTicked t) {
        if (t.tick() <= clock.currentTick()) {
            return;
        }
        clock.advanceTo(t.tick());
        for (RunView due : views.due(t.tick(), DISPATCH_BATCH)) {
            campaigns.find(due.campaignId()).ifPresent(c -> runs.execute(
                    new RunCommand.Dispatch(due.runId(), c.steps().get(due.currentStep()), t.tick()), cause));
        }
    }

    private void sent(Envelope cause, EmailSent s) {
        views.find(s.runId()).flatMap(v -> campaigns.find(v.campaignId())).ifPresent(c -> runs.execute(
                new RunCommand.RecordSent(s.runId(), s.sendId(), s.step(), c.delayBefore(s.step() + 1),
                        clock.currentTick()), cause));
    }

    private void failed(Envelope cause, EmailSendFailed f) {
        if (views.find(f.runId()).isPresent()) {
            runs.execute(new RunCommand.RecordFailed(f.runId(), f.sendId(), f.step(),
                    f.kind() + ": " + f.detail(), clock.currentTick()), cause);
        }
    }

    private void replied(Envelope cause, ReplyReceived r) {
        if (views.find(r.runId()).isPresent()) {
            runs.execute(new RunCommand.RecordReply(r.runId(), r.replyId(), clock.currentTick()), cause);
        }
    }
}
