package com.superkabe.sequencer.domain.policy;

import com.superkabe.events.run.PolicyAction;
import com.superkabe.events.run.SendPolicy;
import com.superkabe.sequencer.domain.ExecutionContext;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.HoldReason;

/**
 * The one gate evaluated before every step (seed 003, "Cost &amp; Policy Enforcement"):
 * {@code evaluate(step, context) → allowed | not allowed(policy, reason, action)}. The policies are
 * checked in {@link SendPolicy}'s order; the facts they need beyond the context (the lead's pause,
 * the organization's postal address, routing's verdict on windows, caps, health and budgets) are
 * given as {@link Facts}, all read from the ordered input, so the gate is a pure function.
 */
public final class PolicyGate {

    private PolicyGate() {
    }

    /** What the gate reads besides the step and its context. {@code routingHold}: null when routing may send. */
    public record Facts(boolean leadPaused, boolean hasMailingAddress, HoldReason routingHold) {
    }

    /** The gate's verdict. */
    public sealed interface Result {
    }

    public record Allowed() implements Result {
    }

    public record NotAllowed(SendPolicy policy, String reason, PolicyAction action) implements Result {
    }

    public static final Result ALLOWED = new Allowed();

    public static Result evaluate(StepTemplate step, ExecutionContext context, Facts facts, PolicySettings settings) {
        if (facts.leadPaused()) {
            return new NotAllowed(SendPolicy.LEAD_PAUSED, "the lead is paused by an operator",
                    settings.actionFor(SendPolicy.LEAD_PAUSED));
        }
        if (step.condition() != null && !step.condition().holds(context)) {
            return new NotAllowed(SendPolicy.STEP_CONDITION, "condition " + step.condition().text() + " not met",
                    settings.actionFor(SendPolicy.STEP_CONDITION));
        }
        if (!facts.hasMailingAddress()) {
            return deny(HoldReason.NO_MAILING_ADDRESS, settings);
        }
        return facts.routingHold() == null ? ALLOWED : deny(facts.routingHold(), settings);
    }

    /** The routing hold's policy and the campaign's action for it. */
    public static NotAllowed deny(HoldReason hold, PolicySettings settings) {
        SendPolicy policy = policyOf(hold);
        return new NotAllowed(policy, hold.name() + ": " + describe(hold), settings.actionFor(policy));
    }

    public static SendPolicy policyOf(HoldReason hold) {
        return switch (hold) {
            case WINDOW_CLOSED -> SendPolicy.SENDING_WINDOW;
            case WARMUP_LIMIT, MAILBOX_DAILY_LIMIT, CAMPAIGN_DAILY_LIMIT, CAMPAIGN_MAILBOX_LIMIT, SEND_GAP,
                 ESP_THROTTLED -> SendPolicy.CAPS_AND_RATE_LIMITS;
            case YELLOW_BUDGET -> SendPolicy.YELLOW_BUDGET;
            case MAILBOX_UNAVAILABLE, NO_ELIGIBLE_MAILBOX -> SendPolicy.MAILBOX_HEALTH;
            case BULK_SENDER_BUDGET -> SendPolicy.ORGANIZATION_SEND_BUDGET;
            case NO_MAILING_ADDRESS -> SendPolicy.COMPLIANCE;
        };
    }

    private static String describe(HoldReason hold) {
        return switch (hold) {
            case WINDOW_CLOSED -> "the campaign's sending window is closed";
            case WARMUP_LIMIT -> "the mailbox's warmup limit is used up today";
            case MAILBOX_DAILY_LIMIT -> "the mailbox's daily limit is used up";
            case CAMPAIGN_DAILY_LIMIT -> "the campaign's daily limit is used up";
            case CAMPAIGN_MAILBOX_LIMIT -> "the campaign's limit for this mailbox is used up today";
            case SEND_GAP -> "the mailbox sent too recently (send gap)";
            case ESP_THROTTLED -> "the mailbox's hourly rate to the recipient's ESP is used up";
            case YELLOW_BUDGET -> "the mailbox's share of YELLOW recipients is used up";
            case MAILBOX_UNAVAILABLE -> "the run's mailbox cannot send now";
            case NO_ELIGIBLE_MAILBOX -> "no mailbox of the campaign may send this step now";
            case BULK_SENDER_BUDGET -> "the sending domain's daily budget to consumer Gmail/Outlook is used up";
            case NO_MAILING_ADDRESS -> "the organization has no postal address for the footer";
        };
    }
}
