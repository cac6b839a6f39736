package com.superkabe.events;

import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.CheckOutcome;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.gate.LeadSnapshot;
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
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.run.RunStepAdvanced;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.run.RunMailboxAssigned;
import com.superkabe.events.run.RunPaused;
import com.superkabe.events.campaign.RunResolveRequested;
import com.superkabe.events.campaign.SendRetrySettingsChanged;
import com.superkabe.events.dispatch.MailboxEspThrottleChanged;
import com.superkabe.events.run.RunResumed;
import com.superkabe.events.run.RunSendRetryScheduled;
import com.superkabe.events.mailbox.MailboxConnectionChanged;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.events.send.EmailClicked;
import com.superkabe.events.send.EmailOpened;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.EmailUnsubscribed;
import java.time.Instant;
import java.util.List;

/** One representative instance per event type; the golden fixtures are these, as JSON. */
final class Samples {

    private static final LeadSnapshot LEAD = new LeadSnapshot("lead-1", "ada@example.com", "Ada", "Lovelace",
            "Analytical Engines", "CTO");
    private static final List<CheckOutcome> CHECKS = List.of(
            new CheckOutcome("campaign_exists", "YES", "campaign c-1 is configured"),
            new CheckOutcome("campaign_active", "YES", "campaign c-1 is ACTIVE"));

    private Samples() {
    }

    static SuperkabeEvent of(EventType type) {
        return switch (type) {
            case ORGANIZATION_REGISTERED -> new OrganizationRegistered("org-1", "Acme", "9f86d081884c7d65");
            case LEAD_SUBMITTED -> new LeadSubmitted("org-1", "ada@example.com", "Ada", "Lovelace",
                    "Analytical Engines", "CTO", "c-1");
            case LEAD_ACCEPTED -> new LeadAccepted("org-1", "lead-1", "ada@example.com", "Ada", "Lovelace",
                    "Analytical Engines", "CTO", "c-1", "GREEN", 100, "api");
            case LEAD_REJECTED -> new LeadRejected("org-1", "ada@@example.com", "c-1",
                    List.of(new LeadRejected.Reason("syntax", "email", "more than one '@'")), "kafka");
            case CAMPAIGN_CREATED -> new CampaignCreated("org-1", "c-1", "Q4 outbound", "ACTIVE", 2, List.of("mb-1"),
                    List.of(new com.superkabe.events.campaign.CampaignStep("Hi {{firstName}}", "Hello", 0,
                                    List.of(new com.superkabe.events.campaign.CampaignStep.Variant("Hey", "B body", 1)),
                                    null),
                            new com.superkabe.events.campaign.CampaignStep("Again", "Following up", 1440, List.of(),
                                    "notOpenedWithin(0, 1440)")),
                    new com.superkabe.events.campaign.CampaignSendRules("Europe/Berlin", "09:00", "17:00",
                            List.of("MONDAY", "TUESDAY"), 200, List.of(
                            new com.superkabe.events.campaign.CampaignSendRules.MailboxDailyLimit("mb-1", 40)), 5, 1440,
                            true, List.of(new com.superkabe.events.campaign.CampaignSendRules.PolicyChoice(
                            com.superkabe.events.run.SendPolicy.SENDING_WINDOW,
                            com.superkabe.events.run.PolicyAction.DEFER))));
            case CAMPAIGN_STATUS_CHANGED -> new CampaignStatusChanged("org-1", "c-1", "ACTIVE", "PAUSED",
                    "apikey:9f86d081", "budget review");
            case LEAD_GATE_ALLOWED -> new LeadGateAllowed("org-1", "c-1", LEAD, "ENFORCE", CHECKS);
            case LEAD_GATE_BLOCKED -> new LeadGateBlocked("org-1", "c-9", "lead-1", "SYNC_ISSUE",
                    "Campaign c-9 is not configured", false, true, "ENFORCE",
                    List.of(new CheckOutcome("campaign_exists", "NO", "campaign c-9 is unknown")));
            case RUN_ENROLLED -> new RunEnrolled("org-1", "run-1", "c-1", LEAD, "mb-1", 2, 7, 7, 1);
            case SEND_REQUESTED -> new SendRequested("org-1", "run-1", "send-1", "c-1", "lead-1", "mb-1", 0,
                    "ada@example.com", "Ada Lovelace", "Hello Ada", "Hi Ada,\nquick question.", 7);
            case RUN_STEP_ADVANCED -> new RunStepAdvanced("org-1", "run-1", 1, 10, 8);
            case RUN_COMPLETED -> new RunCompleted("org-1", "run-1", 12);
            case RUN_REPLIED -> new RunReplied("org-1", "run-1", "reply-1", 9);
            case RUN_FAILED -> new RunFailed("org-1", "run-1", 1, "template token {{company}} has no value", 9);
            case RUN_SUPPRESSED -> new RunSuppressed("org-1", "run-2", 0, "UNSUBSCRIBED",
                    "suppressed: unsubscribed in another campaign (campaign c-1, run run-1)", "run-1", 11);
            case CLOCK_TICKED -> new ClockTicked(7, Instant.parse("2026-01-01T00:07:00Z"), 60);
            case MAILBOX_REGISTERED -> new MailboxRegistered("org-1", "mb-1", "sales@acme.test", "acme.test",
                    "SMTP", 50, new MailboxRegistered.Endpoint("smtp.acme.test", 587, "STARTTLS", "sales", "v1:abc"),
                    new MailboxRegistered.Endpoint("imap.acme.test", 993, "TLS", "sales", "v1:def"));
            case EMAIL_SENT -> new EmailSent("org-1", "send-1", "run-1", "c-1", "lead-1", "mb-1", 0,
                    "ada@example.com", "<send-1@acme.test>", 7);
            case EMAIL_SEND_FAILED -> new EmailSendFailed("org-1", "send-1", "run-1", "c-1", "lead-1", "mb-1", 0,
                    "ada@example.com", "HARD_BOUNCE", 550, "5.1.1 user unknown", 7);
            case EMAIL_OPENED -> new EmailOpened("org-1", "send-1", "run-1", "c-1", "lead-1", "mb-1", 0,
                    "ada@example.com", "<send-1@acme.test>");
            case EMAIL_CLICKED -> new EmailClicked("org-1", "send-1", "run-1", "c-1", "lead-1", "mb-1", 0,
                    "ada@example.com", "<send-1@acme.test>", "https://acme.test/pricing?ref=mail");
            case EMAIL_UNSUBSCRIBED -> new EmailUnsubscribed("org-1", "send-1", "run-1", "c-1", "lead-1", "mb-1", 0,
                    "ada@example.com", "<send-1@acme.test>", "ONE_CLICK");
            case REPLY_RECEIVED -> new ReplyReceived("org-1", "reply-1", "mb-1", "send-1", "run-1", "lead-1",
                    "<send-1@acme.test>", "ada@example.com", "Re: Hello Ada");
            case EMAIL_BOUNCED -> new EmailBounced("org-1", "bounce-1", "mb-1", "send-1", "run-1", "c-1", "lead-1",
                    "ada@example.com", "HARD", "5.1.1", 550, "userunknown", "550 5.1.1 <ada@example.com>: user unknown",
                    "<dsn-1@mx.acme.test>",
                    "<send-1@acme.test>");
            case COMPLAINT_RECEIVED -> new ComplaintReceived("org-1", "complaint-1", "mb-1", "send-1", "run-1", "c-1",
                    "lead-1", "ada@example.com", "abuse", "<arf-1@fbl.example.com>", "<send-1@acme.test>");
            case MAILBOX_STATE_CHANGED -> new MailboxStateChanged("org-1", "mb-1", "acme.test", "warning", "paused",
                    "bounce_threshold", "Exceeded 5 bounces within 100 sends", "ENFORCE", true, "system", false, null,
                    42, 1482, false, false);
            case MAILBOX_WARMUP_LIMIT_SET -> new MailboxWarmupLimitSet("org-1", "mb-1", "restricted_send", true, 10,
                    42, "restricted_send: 10 per day");
            case DOMAIN_STATE_CHANGED -> new DomainStateChanged("org-1", "acme.test", "warning", "paused",
                    "bounce_threshold", "5 of 10 mailboxes unhealthy (50%)", "ENFORCE", true, "system", false, null,
                    42, 10, 5);
            case PROTECTION_MODE_CHANGED -> new ProtectionModeChanged("org-1", "OBSERVE", "ENFORCE",
                    "apikey:9f86d081", "trial over", 42);
            case PROTECTION_RECOMMENDED -> new ProtectionRecommended("org-1", "mailbox", "mb-1", "acme.test",
                    "warning", "paused", "bounce_threshold", "Exceeded 5 bounces within 100 sends", 42);
            case PROVIDER_SPIKE_DETECTED -> new ProviderSpikeDetected("org-1", "GMAIL", "mb-1", 4, 5,
                    "5 of 5 bounces on GMAIL, shared by 4 mailboxes", 42);
            case PROTECTION_WATERMARK -> new ProtectionWatermark(42);
            case PROTECTION_SETTINGS_PUBLISHED -> new com.superkabe.events.protection.ProtectionSettingsPublished(60,
                    "ENFORCE", new com.superkabe.events.protection.ProtectionSettings(3, 60, 5, 100,
                    java.util.List.of(15L, 45L, 105L), 30, 45, 105, 1, 10, 15, 25, 50, 5, 50, 20, 20, 1440, false, 50,
                    4320, 0.3, 0.5, 0.15, 3, 2, 0.8, 3, 100, 300, 1000, 30), 7);
            case PROTECTION_POLICY_CHANGED -> new com.superkabe.events.protection.ProtectionPolicyChanged("org-1", 2,
                    null, 6, 100, java.util.List.of(60L, 120L), null, null, 250, null, null, false,
                    "apikey:9f86d081", "fewer false pauses", 42);
            case MAILBOX_DNS_CHECKED -> new com.superkabe.events.protection.MailboxDnsChecked("org-1", "mb-1",
                    "acme.test", com.superkabe.events.protection.DnsVerdict.FAIL, "SPF: missing; DKIM s1: ok; "
                    + "DMARC: ok; DNSBL dbl.test: not listed", 42);
            case MAILBOX_CORRELATION_CHECKED -> new com.superkabe.events.protection.MailboxCorrelationChecked("org-1",
                    "mb-1", "acme.test", "GMAIL", 1, 3, 1, 42);
            case ORGANIZATION_MAILING_ADDRESS_SET -> new OrganizationMailingAddressSet("org-1",
                    "Acme Inc., 1 Main St, Springfield, IL 62701, USA");
            case MAILBOX_CONNECTION_CHANGED -> new MailboxConnectionChanged("org-1", "mb-1", false,
                    "535 5.7.8 SMTP authentication failed");
            case RUN_SEND_RETRY_SCHEDULED -> new RunSendRetryScheduled("org-1", "run-1", 0, 1,
                    SendFailureClass.TRANSIENT, "mb-1", "451 4.7.1 greylisted, try again later", 22, 7);
            case RUN_MAILBOX_ASSIGNED -> new RunMailboxAssigned("org-1", "run-1", "mb-1", "mb-2",
                    "mb-1 could not send for 1440 ticks (paused)", 9);
            case RUN_PAUSED -> new RunPaused("org-1", "run-1", 0, "send outcome unknown after reconciliation", "system",
                    9, "AMBIGUOUS_SEND");
            case MAILBOX_ESP_THROTTLE_CHANGED -> new MailboxEspThrottleChanged("org-1", "mb-1",
                    com.superkabe.events.lead.RecipientEsp.GOOGLE, 1, 10,
                    "451 4.7.28 deferral from GOOGLE: hourly rate 20 -> 10", 42);
            case SEND_RETRY_SETTINGS_CHANGED -> new SendRetrySettingsChanged("org-1", 5, 120, 1440, 10,
                    "apikey:9f86d081");
            case RUN_RESOLVE_REQUESTED -> new RunResolveRequested("org-1", "c-1", "run-1", "RESEND", "apikey:9f86d081",
                    "not in the Sent folder");
            case RUN_RESUMED -> new RunResumed("org-1", "run-1", 0, "RESEND", "apikey:9f86d081",
                    "not in the Sent folder", 10, 10);
            case RUN_STARTED -> new com.superkabe.events.run.RunStarted("org-1", "run-1", 0, 12, 7);
            case RUN_WAITING -> new com.superkabe.events.run.RunWaiting("org-1", "run-1", 0, 12, 7);
            case RUN_WAIT_ELAPSED -> new com.superkabe.events.run.RunWaitElapsed("org-1", "run-1", 1, 12);
            case RUN_COMMAND_REJECTED -> new com.superkabe.events.run.RunCommandRejected("org-1", "run-1", "RESUME",
                    "ACTIVE", "the run is not paused", "apikey:9f86d081", 12);
            case RUN_POLICY_HELD -> new com.superkabe.events.run.RunPolicyHeld("org-1", "run-1", 0,
                    com.superkabe.events.run.SendPolicy.SENDING_WINDOW, "WINDOW_CLOSED: outside 09:00-17:00",
                    com.superkabe.events.run.PolicyAction.DEFER, 12);
            case RUN_STEP_SKIPPED -> new com.superkabe.events.run.RunStepSkipped("org-1", "run-1", 1,
                    "condition opened(0) not met", "system", 12);
            case RUN_STOPPED -> new com.superkabe.events.run.RunStopped("org-1", "run-1", 0, "apikey:9f86d081",
                    "lead asked by phone", 12);
            case RUN_ENGAGEMENT_RECORDED -> new com.superkabe.events.run.RunEngagementRecorded("org-1", "run-1", 0,
                    "OPENED", 12);
            case RUN_CONTROL_REQUESTED -> new com.superkabe.events.campaign.RunControlRequested("org-1", "run-1", null,
                    "PAUSE", "apikey:9f86d081", "customer on holiday");
            case CAMPAIGN_VERSION_PUBLISHED -> new com.superkabe.events.campaign.CampaignVersionPublished("org-1",
                    "c-1", 2, 1, "apikey:9f86d081", List.of(new com.superkabe.events.campaign.CampaignStep("Hi", "v2",
                    0, List.of(), null)));
            case LEAD_GATE_CHECKED -> new com.superkabe.events.gate.LeadGateChecked("org-1", "c-1", LEAD,
                    "superkabe.lead.accepted.v1", 7, 0, "ENFORCE",
                    new com.superkabe.events.gate.LeadGateChecked.Campaign("ACTIVE", List.of("mb-1")),
                    List.of(new com.superkabe.events.gate.LeadGateChecked.Mailbox("mb-1", "acme.test", "healthy", null,
                            20, 1, 2, 3, 50, 0)),
                    List.of(new com.superkabe.events.gate.LeadGateChecked.Domain("acme.test", "healthy")), 1,
                    new com.superkabe.events.gate.LeadGateChecked.Settings(10, 1, 30, 6));
            case GATE_RELEASE_REQUESTED -> new com.superkabe.events.gate.GateReleaseRequested("org-1", "lead", "lead-1",
                    "release/r-1", List.of(new com.superkabe.events.gate.GateReleaseRequested.Pair("lead-1", "c-1")));
            case LEAD_INTAKE_CHECKED -> new com.superkabe.events.lead.LeadIntakeChecked("org-1", "evt-1", "kafka",
                    "ada@example.com", "Ada", "Lovelace", "Analytical Engines", "CTO", "c-1", null, true,
                    new com.superkabe.events.lead.MxAnswer(com.superkabe.events.lead.MxAnswer.Status.FOUND,
                            List.of("mx.example.com")), "example.com has MX 10 mx.example.com.", null, false, false,
                    new com.superkabe.events.lead.LeadIntakeChecked.Policy(List.of(
                            new com.superkabe.events.lead.LeadIntakeChecked.Penalty("disposable", 100),
                            new com.superkabe.events.lead.LeadIntakeChecked.Penalty("mx", 100)), 80, 50, null, false,
                            false, false),
                    new com.superkabe.events.lead.LeadIntakeChecked.Existing("lead-1", "STORED", null, false));
        };
    }
}
