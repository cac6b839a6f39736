package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.dispatch.MailboxEspThrottleChanged;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.sequencer.domain.dispatch.EspThrottle;
import java.util.Optional;

/**
 * Adaptive ESP throttling in the ordered input (ADR 0019): a deferral halves a mailbox's rate to the
 * recipient's ESP, each tick steps back the throttles that have had no deferral for the recovery
 * period, and every change of rate is published with its reason.
 */
final class EspThrottling {

    private final EspThrottles throttles;
    private final SendLedger ledger;
    private final DispatchEvents events;
    private final long recoveryTicks;
    private final long windowTicks;

    EspThrottling(EspThrottles throttles, SendLedger ledger, DispatchEvents events, long recoveryTicks,
                  long windowTicks) {
        this.throttles = throttles;
        this.ledger = ledger;
        this.events = events;
        this.recoveryTicks = recoveryTicks;
        this.windowTicks = windowTicks;
    }

    /** A rate deferral by {@code esp} of a send of {@code mailboxId} requested at {@code sentTick}. */
    void deferred(Envelope cause, String orgId, String mailboxId, RecipientEsp esp, String detail, long sentTick,
                  long tick) {
        if (!EspThrottle.throttleable(esp)) {
            return;
        }
        Optional<EspThrottle> current = throttles.throttle(mailboxId, esp);
        int recent = ledger.sentByMailboxEsp(java.util.List.of(mailboxId), tick - windowTicks + 1)
                .getOrDefault(SendLedger.mailboxEspKey(mailboxId, esp), 0);
        EspThrottle next = EspThrottle.deferred(current, recent, sentTick, tick);
        throttles.setThrottle(orgId, mailboxId, esp, Optional.of(next));
        if (current.isEmpty() || current.get().level() != next.level()) {
            String from = current.map(c -> c.hourlyLimit() + "/h").orElse(recent + " in the last hour");
            events.publish(cause, mailboxId + "/" + esp, new MailboxEspThrottleChanged(orgId, mailboxId, esp, next.level(),
                    next.hourlyLimit(), "deferral from " + esp + " (" + detail + "): rate " + from + " -> "
                    + next.hourlyLimit() + "/h", tick));
        }
    }

    void recover(Envelope cause, long tick) {
        for (EspThrottles.Throttled t : throttles.changedAtOrBefore(tick - recoveryTicks)) {
            Optional<EspThrottle> next = t.throttle().recovered(tick);
            throttles.setThrottle(t.orgId(), t.mailboxId(), t.esp(), next);
            events.publish(cause, t.mailboxId() + "/" + t.esp(), new MailboxEspThrottleChanged(t.orgId(), t.mailboxId(), t.esp(),
                    next.map(EspThrottle::level).orElse(0), next.map(EspThrottle::hourlyLimit).orElse(null),
                    "no deferral from " + t.esp() + " for " + (tick - t.throttle().changedTick()) + " ticks: rate "
                            + t.throttle().hourlyLimit() + "/h -> " + next.map(n -> n.hourlyLimit() + "/h")
                            .orElse("unthrottled"), tick));
        }
    }
}
