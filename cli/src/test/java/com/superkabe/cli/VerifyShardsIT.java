package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.kit.testing.KafkaProbe;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * verify on several threads against a real broker, on a history the split by organization cannot
 * replay exactly: one mailbox id registered by two organizations of different shards. It must say so
 * and report what one thread reports. The broker is this class's own.
 */
class VerifyShardsIT {

    static EmbeddedKafkaKraftBroker broker;
    static String brokers;

    @BeforeAll
    static void aMailboxIdIsUsedByTwoOrganizations() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "log.dir",
                System.getProperty("java.io.tmpdir") + "/superkabe-verify-shards-" + UUID.randomUUID()));
        broker.afterPropertiesSet();
        brokers = broker.getBrokersAsString();
        try (KafkaProbe kafka = new KafkaProbe(brokers)) {
            for (String org : new String[] {org(0), org(1)}) {
                publish(kafka, new MailboxRegistered(org, "mb-shared", "mb@" + org + ".test", org + ".test", "smtp",
                        50, null, null));
                for (int i = 0; i < 6; i++) {
                    publish(kafka, new EmailSendFailed(org, org + "-s" + i, "run-" + i, "c-1", "lead-" + i,
                            "mb-shared", 0, "lead" + i + "@corp" + i + ".test", "HARD_BOUNCE", 550,
                            "5.1.1 user unknown", 1));
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void theSplitGivesUpAndVerifyReportsWhatOneThreadReports() {
        CliIT.Run two = CliIT.cli("verify", "--threads", "2", "-b", brokers);
        CliIT.Run one = CliIT.cli("verify", "--threads", "1", "-b", brokers);

        assertThat(two.err()).contains("replaying again on one thread");
        assertThat(one.err()).doesNotContain("replaying again");
        assertThat(two.exit()).isEqualTo(one.exit());
        assertThat(two.out()).isEqualTo(one.out()).contains("input events replayed");
    }

    @Test
    void zeroThreadsIsAnInputError() {
        CliIT.Run run = CliIT.cli("verify", "--threads", "0", "-b", brokers);

        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("--threads");
    }

    private static void publish(KafkaProbe kafka, SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        kafka.publish(new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, 1,
                payload));
    }

    private static String org(int shard) {
        for (int i = 0; ; i++) {
            String org = "org-" + i;
            if (Math.floorMod(org.hashCode(), 2) == shard) {
                return org;
            }
        }
    }
}
