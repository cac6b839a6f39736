package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.events.campaign.CampaignVersionPublished;
import com.superkabe.events.campaign.RunControlRequested;
import com.superkabe.events.send.EmailClicked;
import com.superkabe.events.send.EmailOpened;
import com.superkabe.sequencer.domain.ExecutionContext;
import com.superkabe.sequencer.domain.RunState;
import com.superkabe.sequencer.domain.RunStatus;
import java.util.Set;
import com.superkabe.events.campaign.RunResolveRequested;
import com.superkabe.events.campaign.SendRetrySettingsChanged;
import com.superkabe.sequencer.domain.RetryPolicy;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.events.mailbox.MailboxConnectionChanged;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.sequencer.domain.dispatch.EspRecord;
import com.superkabe.sequencer.domain.dispatch.EspThrottle;
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
 * replies, mailbox registrations, states, connections and warmup limits, mailing addresses, operator
 * decisions) into run commands; a tick's dispatch goes through the {@link Dispatcher} (routing,
 * windows, daily caps, send gap, YELLOW budget, compliance). A failed send is handled by its class
 * (ADR 0019). It reads only its inputs, its read model and the logical clock, so replaying the
 * recorded inputs into a fresh instance decides the same transitions.
 */
public class SequencerService {

    private static final Logger log = LoggerFactory.getLogger(SequencerService.class);
    /** Dispatch at most this many runs per tick (caps and windows aside); the rest stay due for the next tick. */
    static final int DISPATCH_BATCH = 1_000;
    /** Campaign completion is looked for once an hour of 60-second ticks; it waits a day of quiet anyway. */
    static final long COMPLETION_CHECK_EVERY = 60;

    private final Campaigns campaigns;
    private final RunCommands runs;
    private final RunViews views;
    private final LogicalClock clock;
    private final MailboxAvailability mailboxes;
    private final OrgSuppression suppression;
    private final Dispatcher dispatcher;
    private final EspStats espStats;
    private final MailingAddresses addresses;
    private final SendingSettings settings;
    private final OrgRetryPolicies retryPolicies;
    private final EspThrottling throttling;
    private final LeadPauses leadPauses;
    private final CampaignCompletions completions;
    /** At most this many waits elapse per tick; the rest become ACTIVE at the next tick, in due order. */
    static final int ELAPSE_BATCH = 10_000;

    /** The ports of a sequencer; {@code paging} and {@code settings} as production's unless a test says otherwise. */
    public record Ports(Campaigns campaigns, RunCommands runs, RunViews views, LogicalClock clock,
                        MailboxAvailability mailboxes, Suppressions suppressions, SendLedger ledger, EspStats espStats,
                        MailingAddresses addresses, OrgRetryPolicies retryPolicies, EspThrottles throttles,
                        LeadPauses leadPauses, CampaignCompletions completions) {
    }

    public SequencerService(Ports ports, DispatchPaging paging, SendingSettings settings, DispatchObserver observer) {
        this(ports, paging, settings, observer, DispatchEvents.NONE);
    }

    /** With the port that publishes the dispatcher's mailbox decisions (ESP throttling). */
    public SequencerService(Ports ports, DispatchPaging paging, SendingSettings settings, DispatchObserver observer,
                            DispatchEvents dispatchEvents) {
        this.throttling = new EspThrottling(ports.throttles(), ports.ledger(), dispatchEvents,
                settings.espThrottleRecoveryTicks(), EspThrottle.windowTicks(settings.retry().secondsPerTick()));
        this.mailboxes = ports.mailboxes();
        this.suppression = new OrgSuppression(ports.suppressions(), ports.runs(), ports.views());
        this.dispatcher = new Dispatcher(ports.campaigns(), ports.runs(), ports.views(), ports.mailboxes(),
                ports.ledger(), suppression, paging, ports.espStats(), ports.addresses(), settings, observer,
                ports.throttles(), ports.leadPauses());
        this.leadPauses = ports.leadPauses();
        this.completions = ports.completions();
        this.campaigns = ports.campaigns();
        this.runs = ports.runs();
        this.views = ports.views();
        this.clock = ports.clock();
        this.espStats = ports.espStats();
        this.addresses = ports.addresses();
        this.settings = settings;
        this.retryPolicies = ports.retryPolicies();
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
            case MailboxStateChanged m -> mailboxes.set(m.mailboxId(), m.canSend(), clock.currentTick());
            case MailboxConnectionChanged m -> mailboxes.setConnected(m.mailboxId(), m.connected(), clock.currentTick());
            case MailboxWarmupLimitSet w -> mailboxes.setWarmupLimit(w.mailboxId(), w.limited() ? w.dailyLimit() : null);
            case CampaignStatusChanged c -> campaignStatus(e, c);
            case CampaignCreated c -> created(c);
            case CampaignVersionPublished v -> versionPublished(v);
            case RunControlRequested r -> control(e, r);
            case EmailOpened o when o.runId() != null -> runs.execute(new RunCommand.RecordEngagement(o.runId(),
                    o.step(), ExecutionContext.OPENED, clock.currentTick()), e);
            case EmailClicked c when c.runId() != null -> runs.execute(new RunCommand.RecordEngagement(c.runId(),
                    c.step(), ExecutionContext.CLICKED, clock.currentTick()), e);
            case MailboxRegistered m -> mailboxes.register(m.orgId(), m.mailboxId(),
                    m.dailyLimit() > 0 ? m.dailyLimit() : null, m.domain());
            case OrganizationMailingAddressSet a -> addresses.setMailingAddress(a.orgId(), a.mailingAddress());
            case RunResolveRequested r -> resolve(e, r);
            case SendRetrySettingsChanged s -> retryPolicies.setRetryPolicy(s.orgId(), new RetryPolicy(s.baseTicks(),
                    s.maxTicks(), s.giveUpTicks(), s.jitterPercent(), settings.retry().secondsPerTick()));
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
        // no mailbox yet: routing chooses one at the first dispatch (ADR 0019); PENDING until the campaign,
        // as the ordered input last read it, is ACTIVE (ADR 0022)
        runs.execute(new RunCommand.Enroll(c.orgId(), runId, c.campaignId(), allowed.lead(), null,
                c.enrolSteps().size(), c.delayBefore(0), clock.currentTick(),
                suppression.of(c.orgId(), allowed.lead().email()).orElse(null), c.enrolVersion(),
                !campaigns.dispatchPaused().contains(c.campaignId())), cause);
    }

    /**
     * A campaign read back from its own topic. The API stored it before announcing it, so live this
     * finds it; a replay from the topics alone (ADR 0039) builds it from the definition the event carries.
     */
    private void created(CampaignCreated c) {
        if (campaigns.find(c.campaignId()).isEmpty()) {
            CampaignWire.definition(c).ifPresent(campaigns::insert);
        }
        if (!"ACTIVE".equals(c.status())) {
            campaigns.find(c.campaignId()).filter(d -> d.orgId().equals(c.orgId()))
                    .ifPresent(d -> campaigns.setDispatchPaused(c.campaignId(), true));
        }
    }

    /** An edit read back: live its steps are stored already; a replay from the topics adds them from the event. */
    private void versionPublished(CampaignVersionPublished v) {
        Optional<CampaignDef> campaign = campaigns.find(v.campaignId()).filter(d -> d.orgId().equals(v.orgId()));
        if (campaign.isEmpty()) {
            return;
        }
        if (v.steps() != null && v.version() == campaign.get().latestVersion() + 1) {
            campaigns.addVersion(v.campaignId(), CampaignWire.templates(v.steps()));
        }
        campaigns.setEnrolVersion(v.campaignId(), v.version());
    }

    /**
     * A campaign's status as read back from its own topic: only ACTIVE dispatches (a paused, draft or
     * completed campaign's runs stay due); becoming ACTIVE starts its PENDING runs.
     */
    private void campaignStatus(Envelope cause, CampaignStatusChanged c) {
        Optional<CampaignDef> campaign = campaigns.find(c.campaignId()).filter(d -> d.orgId().equals(c.orgId()));
        if (campaign.isEmpty()) {
            return;
        }
        boolean active = "ACTIVE".equals(c.to());
        campaigns.setDispatchPaused(c.campaignId(), !active);
        if (active) {
            long firstDelay = campaign.get().delayBefore(0);
            for (String runId : views.pending(c.campaignId())) {
                long delay = views.find(runId).map(v -> campaign.get().delayBefore(v.campaignVersion(), 0))
                        .orElse(firstDelay);
                runs.execute(new RunCommand.Start(runId, delay, clock.currentTick()), cause);
            }
        }
    }

    /** An operator's pause or resume of a run, or of every run of a lead. */
    private void control(Envelope cause, RunControlRequested r) {
        boolean pause = "PAUSE".equals(r.action());
        if (!pause && !"RESUME".equals(r.action())) {
            log.warn("Run control {} ignored: unknown action", r.action());
            return;
        }
        long now = clock.currentTick();
        if (r.runId() != null) {
            views.find(r.runId()).filter(v -> v.orgId().equals(r.orgId())).ifPresent(v -> runs.execute(pause
                    ? new RunCommand.Pause(v.runId(), r.actor(), r.reason(), RunState.PauseCause.OPERATOR, now)
                    : new RunCommand.Resume(v.runId(), r.actor(), r.reason(), null, now), cause));
            return;
        }
        leadPauses.setLeadPaused(r.orgId(), r.leadId(), pause);
        for (RunView v : views.byLead(r.orgId(), r.leadId())) {
            if (pause && (v.status() == RunStatus.ACTIVE || v.status() == RunStatus.WAITING) && !v.inFlight()) {
                runs.execute(new RunCommand.Pause(v.runId(), r.actor(), r.reason(), RunState.PauseCause.LEAD, now),
                        cause);
            } else if (!pause && v.status() == RunStatus.PAUSED && "LEAD".equals(v.pauseCause())) {
                runs.execute(new RunCommand.Resume(v.runId(), r.actor(), r.reason(), RunState.PauseCause.LEAD, now),
                        cause);
            }
        }
    }

    private void tick(Envelope cause, ClockTicked t) {
        if (t.tick() <= clock.currentTick()) {
            return;
        }
        clock.advanceTo(t.tick());
        throttling.recover(cause, t.tick());
        // WAITING → ACTIVE as its own transition when the wait is over, before the dispatcher looks
        for (String runId : views.waitOver(t.tick(), ELAPSE_BATCH)) {
            runs.execute(new RunCommand.Elapse(runId, t.tick()), cause);
        }
        dispatcher.dispatch(cause, t, DISPATCH_BATCH);
        completeCampaigns(cause, t.tick());
    }

    /**
     * A campaign is COMPLETED once every run is terminal and none changed for a day of ticks (so a
     * campaign still taking leads is not closed between two of them); an operator may reopen it.
     */
    private void completeCampaigns(Envelope cause, long tick) {
        if (tick % COMPLETION_CHECK_EVERY != 0) {
            return;
        }
        Set<String> notRunning = campaigns.dispatchPaused();
        for (String id : views.campaignsToComplete(tick - settings.ticksPerDay())) {
            campaigns.find(id).filter(c -> "ACTIVE".equals(c.status()) && !notRunning.contains(id))
                    .ifPresent(c -> completions.complete(c, cause));
        }
    }

    private void sent(Envelope cause, EmailSent s) {
        Optional<RunView> run = views.find(s.runId());
        run.ifPresent(v -> campaigns.find(v.campaignId()).ifPresent(c -> runs.execute(
                new RunCommand.RecordSent(s.runId(), s.sendId(), s.step(), c.delayBefore(v.campaignVersion(),
                        s.step() + 1), clock.currentTick()), cause)));
        count(s.mailboxId(), run, new EspRecord(1, 0, 0, 0));
    }

    private void failed(Envelope cause, EmailSendFailed f) {
        Optional<RunView> run = Optional.ofNullable(f.runId()).flatMap(views::find);
        SendFailureClass failure = f.effectiveClass();
        run.ifPresent(v -> runs.execute(new RunCommand.RecordFailed(f.runId(), f.sendId(), f.step(),
                f.kind() + (f.smtpCode() > 0 ? " " + f.smtpCode() : "") + ": " + f.detail(), clock.currentTick(),
                failure, f.mailboxId(), f.retryAfterSeconds() == null ? 0 : f.retryAfterSeconds(), retryPolicy(v.orgId())),
                cause));
        if (failure == SendFailureClass.TRANSIENT) {
            count(f.mailboxId(), run, new EspRecord(0, 0, 0, 1));
            // a rate deferral in the SMTP conversation (not greylisting, not an API's own quota, whose
            // Retry-After the retry already honours) slows this mailbox down to the recipient's ESP
            if (run.isPresent() && f.smtpCode() >= 400 && f.smtpCode() < 500
                    && EspThrottle.isRateDeferral(f.smtpCode(), f.detail(), null)) {
                throttling.deferred(cause, f.orgId(), f.mailboxId(), run.get().esp(),
                        f.smtpCode() + " " + (f.detail() == null ? "" : f.detail().strip()), f.requestTick(),
                        clock.currentTick());
            }
        } else if (failure == SendFailureClass.RECIPIENT) {
            count(f.mailboxId(), run, new EspRecord(0, 0, 1, 0));
        }
        String address = f.recipient() != null && !f.recipient().isBlank() ? f.recipient()
                : run.map(RunView::email).orElse(null);
        // only a failure saying the address cannot receive suppresses it; a 5xx for the sender's own
        // fault or reputation (5.7.x, 5.3.4, …) must not blacklist the recipient in every campaign
        if (failure == SendFailureClass.RECIPIENT && address != null) {
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
        Optional<RunView> run = Optional.ofNullable(b.runId()).flatMap(views::find);
        if ("HARD".equals(b.bounceClass())) {
            count(b.mailboxId(), run, new EspRecord(0, 0, 1, 0));
        }
        // a delay notice relayed from the recipient's ESP (RFC 3464 "delayed", soft) is its own rate signal
        if (!"HARD".equals(b.bounceClass()) && run.isPresent() && b.mailboxId() != null
                && EspThrottle.isRateDeferral(b.smtpCode(), statusText, null)) {
            throttling.deferred(cause, b.orgId(), b.mailboxId(), run.get().esp(), statusText.strip(), -1,
                    clock.currentTick());
        }
        if ("HARD".equals(b.bounceClass()) && RecipientFailure.addressCannotReceive(b.smtpCode(), statusText)) {
            suppression.apply(new Suppression(b.orgId(), b.recipient(), Suppression.Cause.BOUNCED,
                    "bounced after delivery: " + statusText.strip(), b.runId(), b.campaignId(), clock.currentTick()),
                    cause);
        }
    }

    private void replied(Envelope cause, ReplyReceived r) {
        Optional<RunView> run = Optional.ofNullable(r.runId()).flatMap(views::find);
        if (run.isPresent()) {
            runs.execute(new RunCommand.RecordReply(r.runId(), r.replyId(), clock.currentTick()), cause);
            count(r.mailboxId(), run, new EspRecord(0, 1, 0, 0));
        }
    }

    private void resolve(Envelope cause, RunResolveRequested r) {
        Optional<RunView> run = views.find(r.runId()).filter(v -> v.orgId().equals(r.orgId()));
        Optional<RunCommand.ResolveAction> action = RunCommands.resolveAction(r.action());
        if (run.isEmpty() || action.isEmpty()) {
            log.warn("Resolve request for run {} ignored: unknown run or action {}", r.runId(), r.action());
            return;
        }
        long nextDelay = campaigns.find(run.get().campaignId())
                .map(c -> c.delayBefore(run.get().campaignVersion(), run.get().currentStep() + 1)).orElse(0L);
        runs.execute(new RunCommand.Resolve(r.runId(), action.get(), r.actor(), r.reason(), nextDelay,
                clock.currentTick()), cause);
    }

    /** The organization's retry policy, in the deployment's ticks, or the deployment's own. */
    private RetryPolicy retryPolicy(String orgId) {
        return retryPolicies.retryPolicy(orgId).map(p -> new RetryPolicy(p.baseTicks(), p.maxTicks(), p.giveUpTicks(),
                p.jitterPercent(), settings.retry().secondsPerTick())).orElse(settings.retry());
    }

    /** Adds to the mailbox's record with the run's recipient ESP, for routing. */
    private void count(String mailboxId, Optional<RunView> run, EspRecord delta) {
        if (mailboxId == null || mailboxId.isBlank()) {
            return;
        }
        RecipientEsp esp = run.map(RunView::esp).orElse(RecipientEsp.UNKNOWN);
        espStats.add(mailboxId, esp, Math.floorDiv(clock.currentTick(), settings.ticksPerDay()), delta);
    }
}
