package com.superkabe.protection.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.protection.application.replay.ProtectionReplay;
import com.superkabe.protection.domain.ComplaintPolicy;
import com.superkabe.protection.domain.ProtectionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Golden histories: recorded input events (src/test/resources/histories/*.input.jsonl, one wire
 * event per line) replayed through the pure deciders must give exactly the recorded output
 * (*.expected.txt). A change of behaviour shows up here as a diff to review; after an intended
 * change, re-record with {@code -Dhistory.write=true} and commit the new expectation with it.
 */
class GoldenHistoryTest {

    static final Path DIR = Path.of("src/test/resources/histories");
    /** Six-hour ticks: a day is 4 ticks, so cooldowns and the 3-day warm recovery fit a short history. */
    static final ProtectionPolicy POLICY = ProtectionPolicy.defaults(21_600);

    @Test
    void replayingTheRecordedWalkAndRelapseGivesTheRecordedDecisions() throws IOException {
        if (Boolean.getBoolean("history.write")) {
            Files.write(DIR.resolve("walk-and-relapse.expected.txt"), new ProtectionReplay(POLICY).replay(
                    read("walk-and-relapse")), StandardCharsets.UTF_8);
        }
        assertMatchesGolden("walk-and-relapse", POLICY);
    }

    /** Asynchronous bounces (ADR 0015) enter the same ordered path, judged on their status. */
    @Test
    void replayingRecordedDsnBouncesGivesTheRecordedDecisions() throws IOException {
        if (Boolean.getBoolean("history.write")) {
            Files.write(DIR.resolve("dsn-bounces.expected.txt"), new ProtectionReplay(POLICY).replay(read("dsn-bounces")),
                    StandardCharsets.UTF_8);
        }
        assertMatchesGolden("dsn-bounces", POLICY);
    }

    /** Sender rejections (ADR 0010 §15): their own pause trigger for mailboxes and the domain, never a bounce. */
    @Test
    void replayingRecordedSenderRejectionsGivesTheRecordedDecisions() throws IOException {
        if (Boolean.getBoolean("history.write")) {
            Files.write(DIR.resolve("sender-rejections.expected.txt"), new ProtectionReplay(POLICY).replay(
                    read("sender-rejections")), StandardCharsets.UTF_8);
        }
        assertMatchesGolden("sender-rejections", POLICY);
    }

    /**
     * The complaint rate (ADR 0026): a mailbox warns at 0.1 %, pauses at 0.3 %; its domain, summing its
     * mailboxes, pauses at 0.3 % and is held for a day before the mailbox rules may recover it.
     */
    @Test
    void replayingRecordedComplaintsGivesTheRecordedDecisions() throws IOException {
        if (Boolean.getBoolean("history.write")) {
            Files.write(DIR.resolve("complaint-rate.expected.txt"), new ProtectionReplay(POLICY).replay(
                    read("complaint-rate")), StandardCharsets.UTF_8);
        }
        assertMatchesGolden("complaint-rate", POLICY);
    }

    @Test
    void aChangedComplaintLineFailsTheComparison() {
        ProtectionPolicy laxer = POLICY.withComplaints(new ComplaintPolicy(100, 500, 500, 7));
        assertThatThrownBy(() -> assertMatchesGolden("complaint-rate", laxer)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("complaint_rate");
    }

    @Test
    void replayIsDeterministic() throws IOException {
        List<SuperkabeEvent> input = read("walk-and-relapse");
        assertThat(new ProtectionReplay(POLICY).replay(input)).isEqualTo(new ProtectionReplay(POLICY).replay(input));
    }

    @Test
    void aChangedPolicyFailsTheComparison() {
        ProtectionPolicy laxer = POLICY.withThresholds(3, 60, 6, 100);
        assertThatThrownBy(() -> assertMatchesGolden("walk-and-relapse", laxer)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("paused");
    }

    @Test
    void aChangedCooldownFailsTheComparison() {
        ProtectionPolicy slower = POLICY.withCooldowns(List.of(5L, 12L, 28L));
        assertThatThrownBy(() -> assertMatchesGolden("walk-and-relapse", slower)).isInstanceOf(AssertionError.class);
    }

    static void assertMatchesGolden(String name, ProtectionPolicy policy) throws IOException {
        List<String> actual = new ProtectionReplay(policy).replay(read(name));
        Path expected = DIR.resolve(name + ".expected.txt");
        assertThat(actual).as("replay of %s differs from %s", name, expected)
                .containsExactlyElementsOf(Files.readAllLines(expected, StandardCharsets.UTF_8));
    }

    static List<SuperkabeEvent> read(String name) throws IOException {
        ObjectMapper json = new ObjectMapper();
        EventCodec codec = new EventCodec();
        return Files.readAllLines(DIR.resolve(name + ".input.jsonl"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(l -> {
                    JsonNode node = json.readTree(l);
                    EventType type = EventType.ofWireName(node.get("type").asString());
                    return (SuperkabeEvent) codec.fromJson(json.writeValueAsBytes(node.get("payload")),
                            type.recordType());
                }).toList();
    }
}
