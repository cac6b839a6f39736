package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.Topic;
import com.superkabe.events.WireRecord;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The simulated receiving servers' answers are events the services can read, and tell the story they should. */
class SimulatedOutcomesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void aHardBounceTravelsAsACorrectlyEnvelopedEmailSendFailedKeyedByMailbox() {
        WireRecord w = codec.encode(OutcomeSimulator.hardBounce("org-1", "mbx-1", 7, "ceo@yahoo.com", 42));
        assertThat(w.topic()).isEqualTo(Topic.SEND_OUTCOMES.topicName());
        assertThat(w.key()).isEqualTo("mbx-1");
        Envelope e = codec.decode(new EventCodec.Origin(w.topic(), 0, 0, 0), w.headers(), w.value());
        assertThat(e.type()).isEqualTo(EventType.EMAIL_SEND_FAILED);
        assertThat(e.source()).isEqualTo(OutcomeSimulator.SOURCE);
        assertThat(e.logicalTime()).isEqualTo(42);
        EmailSendFailed f = e.payloadAs(EmailSendFailed.class);
        assertThat(f.kind()).isEqualTo("HARD_BOUNCE");
        assertThat(f.smtpCode()).isEqualTo(550);
        assertThat(f.detail()).isEqualTo("5.1.1 user unknown");
        assertThat(f.recipient()).isEqualTo("ceo@yahoo.com");
        assertThat(f.requestTick()).isEqualTo(42);
        assertThat(f.leadId()).isNull();
    }

    @Test
    void eachSimulatedSendIsItsOwnSendAndEventSoNothingIsDedupedAway() {
        Set<String> sendIds = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        for (int n = 1; n <= 50; n++) {
            Envelope e = n % 2 == 0 ? OutcomeSimulator.accepted("o", "m", n, "a@b.example", 1)
                    : OutcomeSimulator.hardBounce("o", "m", n, "a@b.example", 1);
            sendIds.add(((com.superkabe.events.send.SendOutcome) e.payload()).sendId());
            eventIds.add(e.id());
        }
        assertThat(sendIds).hasSize(50);
        assertThat(eventIds).hasSize(50);
        EmailSent s = OutcomeSimulator.accepted("o", "m", 3, "a@b.example", 1).payloadAs(EmailSent.class);
        assertThat(s.messageId()).startsWith("<").endsWith("@protect.superkabe.test>");
        assertThat(s.runId()).isNotBlank();
    }

    /** Mirrors protection's correlation input: ≥80 % of bounces on one named ESP would be a provider spike. */
    @Test
    void theBouncesAreSpreadOverProvidersSoThePauseIsAtMailboxScope() {
        Map<String, Integer> byEsp = new HashMap<>();
        ProtectionDemoData.BOUNCING.forEach(r -> byEsp.merge(esp(r), 1, Integer::sum));
        int total = ProtectionDemoData.BOUNCING.size();
        assertThat(total).isGreaterThanOrEqualTo(5);
        byEsp.forEach((esp, n) -> {
            if (!esp.equals("OTHER")) {
                assertThat(n).as(esp).isLessThan((int) Math.ceil(0.8 * total));
            }
        });
        assertThat(ProtectionDemoData.BOUNCING).doesNotHaveDuplicates();
    }

    @Test
    void cleanRecipientsVaryAndEnoughFollowTheBouncesToLeaveTheGatesWindow() {
        assertThat(IntStream.range(0, 14).mapToObj(ProtectionDemoData::cleanRecipient).map(r -> r.split("@")[1])
                .distinct().count()).isGreaterThanOrEqualTo(5);
        // the gate scores the last 100 outcomes; restricted_send needs 15 and warm_recovery 50 of them
        assertThat(ProtectionDemoData.CLEAN_AFTER).isGreaterThanOrEqualTo(100);
    }

    private static String esp(String recipient) {
        String d = recipient.substring(recipient.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return switch (d) {
            case "gmail.com", "googlemail.com" -> "GMAIL";
            case "outlook.com", "hotmail.com", "live.com", "msn.com" -> "MICROSOFT";
            case "yahoo.com", "aol.com", "ymail.com" -> "YAHOO";
            default -> "OTHER";
        };
    }
}
