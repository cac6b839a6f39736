package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.MailboxWarmupLimitSet;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.reply.ComplaintReceived;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.RecipientFailure;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.EmailUnsubscribed;
import com.superkabe.sequencer.domain.RunCommand;
import com.superkabe.sequencer.domain.RunView;
import com.superkabe.sequencer.domain.Suppression;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the sequencer's ordered inputs (gate decisions, clock ticks, send outcomes, unsubscribes,
 * replies, mailbox registrations, states and warmup limits) into run commands; a tick's dispatch
 * goes through the {@link Dispatcher} (windows, daily caps, send gap). It reads only its inputs, its read model and the logical clock, so replaying the
 * recorded inputs into a fresh instance decides the same transitions.
 */
public class SequencerService {

    private static final Logger log = LoggerFactory.getLogger(SequencerService.class);
    /** Dispatch at most this many runs per tick (caps and windows aside); the rest stay due for the next tick. */
    static final int DISPATCH_BATCH = 1_000;
    /** The send-failure kind that is a permanent failure of the address; it suppresses it org-wide. */
    static final String HARD_BOUNCE = "HARD_BOUNCE";

    private final Campaigns campaigns;
    private final RunCommands runs;
    private final RunViews views;
    private final LogicalClock clock;
    private final MailboxAvailability mailboxes;
    private final OrgSuppression suppression;
    private final Dispatcher dispatcher;

    public SequencerService(Campaigns campaigns, RunCommands runs, RunViews views, LogicalClock clock,
                            MailboxAvailability mailboxes, Suppressions suppressions, SendLedger ledger) {
        this(campaigns, runs, views, clock, mailboxes, suppressions, ledger, DispatchPaging.DEFAULT);
    }

    /** With the dispatcher's page size and scan limit given (tests pass the limit cheaply). */
    public SequencerService(Campaigns campaigns, RunCommands runs, RunViews views, LogicalClock clock,
                            MailboxAvailability mailboxes, Suppressions suppressions, SendLedger ledger,
                            DispatchPaging paging) {
        this.mailboxes = mailboxes;
        this.suppression = new OrgSuppression(suppressions, runs, views);
        this.dispatcher = new Dispatcher(campaigns, runs, views, mailboxes, ledger, suppression, paging);
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
            case EmailBounced b -> bouncedLater(e, b);
            case ComplaintReceived c when c.recipient() != null && !c.recipient().isBlank() -> suppression.apply(new Suppression(c.orgId(), c.recipient(),
                    Suppression.Cause.UNSUBSCRIBED, "spam complaint (" + c.feedbackType() + ")", c.runId(),
                    c.campaignId(), clock.currentTick()), e);
            case EmailUnsubscribed u -> suppression.apply(new Suppression(u.orgId(), u.email(),
                    Suppression.Cause.UNSUBSCRIBED, u.method(), u.runId(), u.campaignId(), clock.currentTick()), e);
            case MailboxStateChanged m -> mailboxes.set(m.mailboxId(), m.canSend());
            case MailboxWarmupLimitSet w -> mailboxes.setWarmupLimit(w.mailboxId(), w.limited() ? w.dailyLimit() : null);
            case CampaignStatusChanged c -> campaigns.find(c.campaignId())
                    .filter(d -> d.orgId().equals(c.orgId()))
                    .ifPresent(d -> campaigns.setDispatchPaused(c.campaignId(), "PAUSED".equals(c.to())));
            case MailboxRegistered m -> mailboxes.register(m.orgId(), m.mailboxId(),
                    m.dailyLimit() > 0 ? m.dailyLimit() : null);
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
                c.steps().size(), c.delayBefore(0), clock.currentTick(),
                suppression.of(c.orgId(), allowed.lead().email()).orElse(null)), cause);
    }

    private void tick(Envelope cause, ClockTicked t) {
        if (t.tick() <= clock.currentTick()) {
            return;
        }
        clock.advanceTo(t.tick());
        dispatcher.dispatch(cause, t, DISPATCH_BATCH);
    }

    private void sent(Envelope cause, EmailSent s) {
        views.find(s.runId()).flatMap(v -> campaigns.find(v.campaignId())).ifPresent(c -> runs.execute(
                new RunCommand.RecordSent(s.runId(), s.sendId(), s.step(), c.delayBefore(s.step() + 1),
                        clock.currentTick()), cause));
    }

    private void failed(Envelope cause, EmailSendFailed f) {
        Optional<RunView> run = Optional.ofNullable(f.runId()).flatMap(views::find);
        run.ifPresent(v -> runs.execute(new RunCommand.RecordFailed(f.runId(), f.sendId(), f.step(),
                f.kind() + ": " + f.detail(), clock.currentTick()), cause));
        String address = f.recipient() != null && !f.recipient().isBlank() ? f.recipient()
                : run.map(RunView::email).orElse(null);
        // only a bounce that says the address cannot receive suppresses it; a 5xx for the sender's own
        // fault or reputation (5.7.x, 5.3.4, …) must not blacklist the recipient in every campaign
        if (RecipientFailure.addressCannotReceive(f) && address != null) {
            suppression.apply(new Suppression(f.orgId(), address, Suppression.Cause.BOUNCED,
                    f.smtpCode() + " " + f.detail(), f.runId(), f.campaignId(), clock.currentTick()), cause);
        }
    }

    /**
     * A bounce found in the mailbox after the message was accepted (RFC 3464). Like a bounce at SMTP
     * time, only one saying the address cannot receive ends the run and suppresses the address
     * org-wide; a soft one, or one aimed at the sender, changes nothing here (protection counts it).
     */
    private void bouncedLater(Envelope cause, EmailBounced b) {
        String statusText = (b.status() == null ? "" : b.status()) + " " + (b.diagnostic() == null ? "" : b.diagnostic());
        if ("HARD".equals(b.bounceClass()) && RecipientFailure.addressCannotReceive(b.smtpCode(), statusText)) {
            suppression.apply(new Suppression(b.orgId(), b.recipient(), Suppression.Cause.BOUNCED,
                    "bounced after delivery: " + statusText.strip(), b.runId(), b.campaignId(), clock.currentTick()),
                    cause);
        }
    }

    private void replied(Envelope cause, ReplyReceived r) {
        if (views.find(r.runId()).isPresent()) {
            runs.execute(new RunCommand.RecordReply(r.runId(), r.replyId(), clock.currentTick()), cause);
        }
    }
}
