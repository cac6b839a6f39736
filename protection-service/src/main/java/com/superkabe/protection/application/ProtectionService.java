package com.superkabe.protection.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.send.SendOutcome;
import com.superkabe.protection.domain.MailboxCounters;
import com.superkabe.protection.domain.MailboxCounting;
import com.superkabe.protection.domain.OutcomeKind;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Use cases of the protection layer, one input event per call inside the inbound transaction
 * (which also dedupes by event id, so a replayed outcome is never counted twice). An outcome for a
 * mailbox not registered yet is still counted, on a row marked unregistered.
 */
public class ProtectionService {

    private static final Logger log = LoggerFactory.getLogger(ProtectionService.class);

    private final MailboxCounterStore store;
    private final MeterRegistry meters;

    public ProtectionService(MailboxCounterStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    public void onMailboxRegistered(Envelope cause) {
        MailboxRegistered m = cause.payloadAs(MailboxRegistered.class);
        store.lock(m.mailboxId());
        MailboxCounters current = store.find(m.mailboxId()).orElseGet(() -> MailboxCounters.none(m.mailboxId(),
                m.orgId()));
        store.save(MailboxCounting.evolve(current, m));
    }

    public void onSendOutcome(Envelope cause) {
        SendOutcome outcome = cause.payloadAs(SendOutcome.class);
        store.lock(outcome.mailboxId());
        Optional<MailboxCounters> found = store.find(outcome.mailboxId());
        MailboxCounters current = found.orElseGet(() -> MailboxCounters.none(outcome.mailboxId(), outcome.orgId()));
        if (!current.registered()) {
            log.warn("Send outcome {} for mailbox {} that is not registered (yet); counted anyway", cause.id(),
                    outcome.mailboxId());
        } else if (!current.orgId().equals(outcome.orgId())) {
            log.warn("Send outcome {} names organization {} but mailbox {} belongs to {}; counted for the mailbox",
                    cause.id(), outcome.orgId(), outcome.mailboxId(), current.orgId());
        }
        store.save(MailboxCounting.evolve(current, outcome));
        countAfterCommit(OutcomeKind.of(outcome));
    }

    private void countAfterCommit(OutcomeKind kind) {
        Runnable count = () -> meters.counter("superkabe_protection_outcomes", "kind",
                kind.name().toLowerCase(Locale.ROOT)).increment();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
