package com.superkabe.sendadapter.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.sendadapter.domain.Delivery;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reconciliation of an AMBIGUOUS send when looking in the Sent folder fails (ports in memory). */
class ReconcilerTest {

    private final InMemorySendPorts ports = new InMemorySendPorts();

    @Test
    void givenEveryLookupFails_whenReconcilingUntilTheEnd_thenTheSendIsReportedAsNotLookedForRatherThanNotFound() {
        Reconciler reconciler = reconcilerAnswering(SentCopies.Lookup.FAILED, SentCopies.Lookup.FAILED,
                SentCopies.Lookup.FAILED);

        runThreeTimes(reconciler);

        assertThat(failed()).singleElement().satisfies(f -> {
            assertThat(f.failureClass()).isEqualTo(SendFailureClass.AMBIGUOUS);
            assertThat(f.detail()).contains("could not look in the Sent folder: the lookup failed 3 times")
                    .doesNotContain("not found");
        });
    }

    @Test
    void givenOneFailedLookupThenMisses_whenReconciling_thenTheFailedLookupIsNotCountedAsACheck() {
        Reconciler reconciler = reconcilerAnswering(SentCopies.Lookup.FAILED, SentCopies.Lookup.NOT_FOUND,
                SentCopies.Lookup.NOT_FOUND, SentCopies.Lookup.NOT_FOUND);

        runThreeTimes(reconciler);
        assertThat(failed()).isEmpty();
        assertThat(ports.pending).containsKey("s-1");

        reconciler.runDue();

        assertThat(failed()).singleElement().satisfies(f -> assertThat(f.detail())
                .contains("not found in the Sent folder after 3 checks (1 more lookups failed)"));
    }

    private Reconciler reconcilerAnswering(SentCopies.Lookup... answers) {
        ports.smtpMailbox("mb-1", "sales@acme.test", "smtp.acme.test", 25, null);
        Deque<SentCopies.Lookup> queue = new ArrayDeque<>(List.of(answers));
        Reconciler reconciler = ports.reconciler((mailbox, messageId) -> queue.removeFirst(), 3);
        reconciler.reconcileOrReport(InMemorySendPorts.request("s-1", "mb-1", "lead@example.test", "Hi").request(),
                Delivery.ambiguous("connection lost after the message was sent"));
        return reconciler;
    }

    private static void runThreeTimes(Reconciler reconciler) {
        for (int i = 0; i < 3; i++) {
            reconciler.runDue();
        }
    }

    private List<EmailSendFailed> failed() {
        return ports.published.stream().map(Envelope::payload).filter(EmailSendFailed.class::isInstance)
                .map(EmailSendFailed.class::cast).toList();
    }
}
