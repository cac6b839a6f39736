package com.superkabe.protection.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.events.EventCodec;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.protection.MailboxCorrelationChecked;
import com.superkabe.protection.application.replay.CorrelationChecks;
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

    /**
     * A correlation pause recorded from the service on a real broker and PostgreSQL
     * ({@code CorrelationCheckIT} with {@code -Dprotection.history.write=true}): eight mailboxes of a
     * domain, two paused alone, the third's check finds two failing siblings and pauses the domain.
     * The replay decides each check from its recorded {@code MailboxCorrelationChecked} (ADR 0063).
     */
    @Test
    void replayingARecordedCorrelationPauseDecidesFromTheRecordedCounts() throws IOException {
        CorrelationChecks checks = new CorrelationChecks();
        List<String> lines = replayWithRecords(read("correlation"), checks);
        if (Boolean.getBoolean("history.write")) {
            Files.write(DIR.resolve("correlation.expected.txt"), lines, StandardCharsets.UTF_8);
        }
        assertThat(lines).containsExactlyElementsOf(Files.readAllLines(DIR.resolve("correlation.expected.txt"),
                StandardCharsets.UTF_8));
        assertThat(lines).anyMatch(l -> l.startsWith("domain corrpause.test healthy -> paused [correlation]")
                || l.startsWith("domain corrpause.test warning -> paused [correlation]"));
        assertThat(checks.fromRecord()).isEqualTo(6);
        assertThat(checks.derivedOnly()).isZero();
        assertThat(checks.divergences()).isEmpty();
    }

    @Test
    void aRecordedCountThatDisagreesWithTheReplayedMailboxesIsReportedAndTheRecordDecides() throws IOException {
        CorrelationChecks checks = new CorrelationChecks();
        List<SuperkabeEvent> history = read("correlation").stream().map(e -> e instanceof MailboxCorrelationChecked c
                && c.mailboxId().startsWith("mb-k3-") ? new MailboxCorrelationChecked(c.orgId(), c.mailboxId(),
                c.domain(), c.dominantEsp(), c.mailboxesOnEsp(), c.domainSiblings(), 1, c.tick()) : e).toList();

        List<String> lines = replayWithRecords(history, checks);

        assertThat(checks.divergences()).singleElement().satisfies(d -> {
            assertThat(d.check().recorded().mailboxId()).startsWith("mb-k3-");
            assertThat(d.derived().siblingsFailing()).isEqualTo(2);
            assertThat(d.changesDecision()).isTrue();
            assertThat(d.describe()).contains("recorded", "failing=1", "derived", "failing=2");
        });
        assertThat(lines).anyMatch(l -> l.startsWith("correlation mb-k3-") && l.contains("MAILBOX from record")
                && l.contains("(derived: onEsp=0 failing=2/7)"));
        assertThat(lines).noneMatch(l -> l.contains("[correlation]"));
    }

    @Test
    void aRecordedCountThatDiffersWithoutChangingTheDecisionIsReportedAsSuch() throws IOException {
        CorrelationChecks checks = new CorrelationChecks();
        List<SuperkabeEvent> history = read("correlation").stream().map(e -> e instanceof MailboxCorrelationChecked c
                && c.mailboxId().startsWith("mb-k1-") ? new MailboxCorrelationChecked(c.orgId(), c.mailboxId(),
                c.domain(), c.dominantEsp(), c.mailboxesOnEsp(), 6, c.siblingsFailing(), c.tick()) : e).toList();

        List<String> lines = replayWithRecords(history, checks);

        assertThat(checks.divergences()).singleElement().satisfies(d -> {
            assertThat(d.check().recorded().mailboxId()).startsWith("mb-k1-");
            assertThat(d.changesDecision()).isFalse();
        });
        assertThat(lines).isEqualTo(Files.readAllLines(DIR.resolve("correlation.expected.txt"), StandardCharsets.UTF_8)
                .stream().map(l -> l.startsWith("correlation mb-k1-") ? l.replace("failing=0/7 @0",
                        "failing=0/6 @0 (derived: onEsp=0 failing=0/7)") : l).toList());
    }

    @Test
    void aRecordedCheckTheReplayNeverMakesIsReported() throws IOException {
        CorrelationChecks checks = new CorrelationChecks();
        List<SuperkabeEvent> history = new java.util.ArrayList<>(read("correlation"));
        history.add(new MailboxCorrelationChecked("org-x", "mb-never", "x.test", null, 0, 1, 0, 9));

        replayWithRecords(history, checks);

        assertThat(checks.divergences()).singleElement().satisfies(d -> {
            assertThat(d.derived()).isNull();
            assertThat(d.describe()).contains("mailbox:mb-never", "never made");
        });
    }

    /** Histories recorded before ADR 0063 have no records: the checks are decided from derived counts. */
    @Test
    void aHistoryWithoutRecordsIsDecidedFromTheDerivedCountsToTheSameStates() throws IOException {
        List<SuperkabeEvent> recorded = read("correlation");
        CorrelationChecks none = new CorrelationChecks();
        ProtectionReplay derived = new ProtectionReplay(POLICY, none);
        recorded.stream().filter(ProtectionReplay::isInput).forEach(e -> derived.apply("", e));
        ProtectionReplay fromRecords = new ProtectionReplay(POLICY, checksOf(recorded));
        recorded.stream().filter(ProtectionReplay::isInput).forEach(e -> fromRecords.apply("", e));

        assertThat(none.derivedOnly()).isEqualTo(6);
        assertThat(none.divergences()).isEmpty();
        assertThat(derived.states()).isEqualTo(fromRecords.states());
    }

    static List<String> replayWithRecords(List<SuperkabeEvent> history, CorrelationChecks checks) {
        history.stream().filter(e -> e instanceof MailboxCorrelationChecked)
                .forEach(e -> checks.add("", (MailboxCorrelationChecked) e));
        return new ProtectionReplay(POLICY, checks).replay(history.stream().filter(ProtectionReplay::isInput)
                .toList());
    }

    static CorrelationChecks checksOf(List<SuperkabeEvent> history) {
        CorrelationChecks checks = new CorrelationChecks();
        history.stream().filter(e -> e instanceof MailboxCorrelationChecked)
                .forEach(e -> checks.add("", (MailboxCorrelationChecked) e));
        return checks;
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
