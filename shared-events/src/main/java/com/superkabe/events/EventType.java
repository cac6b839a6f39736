package com.superkabe.events;

import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.events.campaign.CampaignVersionPublished;
import com.superkabe.events.campaign.RunControlRequested;
import com.superkabe.events.campaign.RunResolveRequested;
import com.superkabe.events.campaign.SendRetrySettingsChanged;
import com.superkabe.events.dispatch.MailboxEspThrottleChanged;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.lead.LeadRejected;
import com.superkabe.events.lead.LeadSubmitted;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.MailboxWarmupLimitSet;
import com.superkabe.events.protection.ProtectionModeChanged;
import com.superkabe.events.protection.ProtectionRecommended;
import com.superkabe.events.protection.ProtectionWatermark;
import com.superkabe.events.protection.ProviderSpikeDetected;
import com.superkabe.events.reply.ComplaintReceived;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.run.RunCommandRejected;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEngagementRecorded;
import com.superkabe.events.run.RunPolicyHeld;
import com.superkabe.events.run.RunStarted;
import com.superkabe.events.run.RunStepSkipped;
import com.superkabe.events.run.RunStopped;
import com.superkabe.events.run.RunWaitElapsed;
import com.superkabe.events.run.RunWaiting;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.mailbox.MailboxConnectionChanged;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunMailboxAssigned;
import com.superkabe.events.run.RunPaused;
import com.superkabe.events.run.RunResumed;
import com.superkabe.events.run.RunSendRetryScheduled;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.run.RunStepAdvanced;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailClicked;
import com.superkabe.events.send.EmailOpened;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.EmailUnsubscribed;

/**
 * Every public event type: its stable wire name ({@code ce_type}, versioned), its record and the
 * one topic it is published on. Adding an optional field keeps the version; any other change is
 * a new version plus an upcaster.
 */
public enum EventType {
    ORGANIZATION_REGISTERED("superkabe.organization.registered.v1", OrganizationRegistered.class, Topic.ORGANIZATIONS),
    LEAD_SUBMITTED("superkabe.lead.submitted.v1", LeadSubmitted.class, Topic.LEAD_INTAKE),
    LEAD_ACCEPTED("superkabe.lead.accepted.v1", LeadAccepted.class, Topic.LEADS),
    LEAD_REJECTED("superkabe.lead.rejected.v1", LeadRejected.class, Topic.LEADS),
    CAMPAIGN_CREATED("superkabe.campaign.created.v1", CampaignCreated.class, Topic.CAMPAIGNS),
    CAMPAIGN_STATUS_CHANGED("superkabe.campaign.status-changed.v1", CampaignStatusChanged.class, Topic.CAMPAIGNS),
    LEAD_GATE_ALLOWED("superkabe.gate.lead-allowed.v1", LeadGateAllowed.class, Topic.GATE_DECISIONS),
    LEAD_GATE_BLOCKED("superkabe.gate.lead-blocked.v1", LeadGateBlocked.class, Topic.GATE_DECISIONS),
    RUN_ENROLLED("superkabe.run.enrolled.v1", RunEnrolled.class, Topic.RUNS),
    SEND_REQUESTED("superkabe.send.requested.v1", SendRequested.class, Topic.SEND_REQUESTS),
    RUN_STEP_ADVANCED("superkabe.run.step-advanced.v1", RunStepAdvanced.class, Topic.RUNS),
    RUN_COMPLETED("superkabe.run.completed.v1", RunCompleted.class, Topic.RUNS),
    RUN_REPLIED("superkabe.run.replied.v1", RunReplied.class, Topic.RUNS),
    RUN_FAILED("superkabe.run.failed.v1", RunFailed.class, Topic.RUNS),
    RUN_SUPPRESSED("superkabe.run.suppressed.v1", RunSuppressed.class, Topic.RUNS),
    CLOCK_TICKED("superkabe.clock.ticked.v1", ClockTicked.class, Topic.CLOCK),
    MAILBOX_REGISTERED("superkabe.mailbox.registered.v1", MailboxRegistered.class, Topic.MAILBOXES),
    EMAIL_SENT("superkabe.email.sent.v1", EmailSent.class, Topic.SEND_OUTCOMES),
    EMAIL_SEND_FAILED("superkabe.email.send-failed.v1", EmailSendFailed.class, Topic.SEND_OUTCOMES),
    EMAIL_OPENED("superkabe.email.opened.v1", EmailOpened.class, Topic.SEND_OUTCOMES),
    EMAIL_CLICKED("superkabe.email.clicked.v1", EmailClicked.class, Topic.SEND_OUTCOMES),
    EMAIL_UNSUBSCRIBED("superkabe.email.unsubscribed.v1", EmailUnsubscribed.class, Topic.SEND_OUTCOMES),
    REPLY_RECEIVED("superkabe.reply.received.v1", ReplyReceived.class, Topic.REPLIES),
    EMAIL_BOUNCED("superkabe.email.bounced.v1", EmailBounced.class, Topic.REPLIES),
    COMPLAINT_RECEIVED("superkabe.email.complained.v1", ComplaintReceived.class, Topic.REPLIES),
    MAILBOX_STATE_CHANGED("superkabe.mailbox.state-changed.v1", MailboxStateChanged.class, Topic.MAILBOX_STATES),
    MAILBOX_WARMUP_LIMIT_SET("superkabe.mailbox.warmup-limit-set.v1", MailboxWarmupLimitSet.class,
            Topic.MAILBOX_STATES),
    DOMAIN_STATE_CHANGED("superkabe.domain.state-changed.v1", DomainStateChanged.class, Topic.DOMAIN_STATES),
    PROTECTION_MODE_CHANGED("superkabe.protection.mode-changed.v1", ProtectionModeChanged.class,
            Topic.PROTECTION_MODES),
    PROTECTION_RECOMMENDED("superkabe.protection.recommended.v1", ProtectionRecommended.class,
            Topic.PROTECTION_ALERTS),
    PROVIDER_SPIKE_DETECTED("superkabe.protection.provider-spike-detected.v1", ProviderSpikeDetected.class,
            Topic.PROTECTION_ALERTS),
    PROTECTION_WATERMARK("superkabe.protection.watermark.v1", ProtectionWatermark.class, Topic.PROTECTION_MODES),
    ORGANIZATION_MAILING_ADDRESS_SET("superkabe.organization.mailing-address-set.v1",
            OrganizationMailingAddressSet.class, Topic.ORGANIZATIONS),
    MAILBOX_CONNECTION_CHANGED("superkabe.mailbox.connection-changed.v1", MailboxConnectionChanged.class,
            Topic.MAILBOXES),
    RUN_SEND_RETRY_SCHEDULED("superkabe.run.send-retry-scheduled.v1", RunSendRetryScheduled.class, Topic.RUNS),
    RUN_MAILBOX_ASSIGNED("superkabe.run.mailbox-assigned.v1", RunMailboxAssigned.class, Topic.RUNS),
    RUN_PAUSED("superkabe.run.paused.v1", RunPaused.class, Topic.RUNS),
    RUN_RESUMED("superkabe.run.resumed.v1", RunResumed.class, Topic.RUNS),
    RUN_RESOLVE_REQUESTED("superkabe.run.resolve-requested.v1", RunResolveRequested.class, Topic.CAMPAIGNS),
    SEND_RETRY_SETTINGS_CHANGED("superkabe.sending.retry-settings-changed.v1", SendRetrySettingsChanged.class,
            Topic.CAMPAIGNS),
    MAILBOX_ESP_THROTTLE_CHANGED("superkabe.dispatch.esp-throttle-changed.v1", MailboxEspThrottleChanged.class,
            Topic.DISPATCH_DECISIONS),
    RUN_STARTED("superkabe.run.started.v1", RunStarted.class, Topic.RUNS),
    RUN_WAITING("superkabe.run.waiting.v1", RunWaiting.class, Topic.RUNS),
    RUN_WAIT_ELAPSED("superkabe.run.wait-elapsed.v1", RunWaitElapsed.class, Topic.RUNS),
    RUN_COMMAND_REJECTED("superkabe.run.command-rejected.v1", RunCommandRejected.class, Topic.RUNS),
    RUN_POLICY_HELD("superkabe.run.policy-held.v1", RunPolicyHeld.class, Topic.RUNS),
    RUN_STEP_SKIPPED("superkabe.run.step-skipped.v1", RunStepSkipped.class, Topic.RUNS),
    RUN_STOPPED("superkabe.run.stopped.v1", RunStopped.class, Topic.RUNS),
    RUN_ENGAGEMENT_RECORDED("superkabe.run.engagement-recorded.v1", RunEngagementRecorded.class, Topic.RUNS),
    RUN_CONTROL_REQUESTED("superkabe.run.control-requested.v1", RunControlRequested.class, Topic.CAMPAIGNS),
    CAMPAIGN_VERSION_PUBLISHED("superkabe.campaign.version-published.v1", CampaignVersionPublished.class,
            Topic.CAMPAIGNS),
    LEAD_GATE_CHECKED("superkabe.gate.lead-checked.v1", com.superkabe.events.gate.LeadGateChecked.class,
            Topic.GATE_CHECKS),
    GATE_RELEASE_REQUESTED("superkabe.gate.release-requested.v1",
            com.superkabe.events.gate.GateReleaseRequested.class, Topic.GATE_CHECKS),
    LEAD_INTAKE_CHECKED("superkabe.lead.intake-checked.v1", com.superkabe.events.lead.LeadIntakeChecked.class,
            Topic.INTAKE_CHECKS),
    MAILBOX_CORRELATION_CHECKED("superkabe.protection.correlation-checked.v1",
            com.superkabe.events.protection.MailboxCorrelationChecked.class, Topic.PROTECTION_CHECKS),
    PROTECTION_SETTINGS_PUBLISHED("superkabe.protection.settings-published.v1",
            com.superkabe.events.protection.ProtectionSettingsPublished.class, Topic.PROTECTION_MODES),
    PROTECTION_POLICY_CHANGED("superkabe.protection.policy-changed.v1",
            com.superkabe.events.protection.ProtectionPolicyChanged.class, Topic.PROTECTION_MODES),
    MAILBOX_DNS_CHECKED("superkabe.protection.dns-checked.v1",
            com.superkabe.events.protection.MailboxDnsChecked.class, Topic.PROTECTION_CHECKS);

    private final String wireName;
    private final Class<? extends SuperkabeEvent> recordType;
    private final Topic topic;

    EventType(String wireName, Class<? extends SuperkabeEvent> recordType, Topic topic) {
        this.wireName = wireName;
        this.recordType = recordType;
        this.topic = topic;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends SuperkabeEvent> recordType() {
        return recordType;
    }

    public Topic topic() {
        return topic;
    }

    public static EventType ofWireName(String wireName) {
        for (EventType t : values()) {
            if (t.wireName.equals(wireName)) {
                return t;
            }
        }
        throw new UndecodableEventException("Unknown event type '" + wireName + "'");
    }

    public static EventType of(SuperkabeEvent event) {
        for (EventType t : values()) {
            if (t.recordType == event.getClass()) {
                return t;
            }
        }
        throw new IllegalArgumentException("Not a registered event type: " + event.getClass().getName());
    }
}
