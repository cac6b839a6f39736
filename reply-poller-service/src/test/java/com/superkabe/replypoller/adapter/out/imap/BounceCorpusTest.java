package com.superkabe.replypoller.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.reply.BounceReason;
import com.superkabe.replypoller.domain.BouncedRecipient;
import com.superkabe.replypoller.domain.Classification;
import com.superkabe.replypoller.domain.InboxClassifier;
import com.superkabe.replypoller.domain.InboxMessage;
import com.superkabe.replypoller.domain.MessageIds;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The classifier on real mail: Sisimai's bounce corpus (expected.tsv per file and recipient)
 * and RFC 3834 auto-replies, parsed by the same MIME adapter the IMAP reader uses. Figures are
 * printed (with every row under {@code -Dcorpus.verbose=true}); the thresholds are the ones stated
 * in ADR 0022. The taxonomy agreement (Sisimai's reason mapped onto {@link BounceReason}) is
 * printed, not asserted: Sisimai's reasons are finer and sometimes differ in kind.
 */
class BounceCorpusTest {

    /** Share of the hard/soft rows whose class must match Sisimai's (ADR 0015). */
    static final double CLASS_ACCURACY = 0.95;
    /** Share of the hard/soft rows that must be recognised as bounces at all. */
    static final double DETECTION = 0.97;

    @Test
    void classesAtLeastTheStatedShareOfSisimaiBouncesAsSisimaiDoes() throws Exception {
        Map<String, Integer> confusion = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int rows = 0;
        int detected = 0;
        int correct = 0;
        int sameCategory = 0;
        Map<BounceReason, Integer> categories = new TreeMap<>();
        for (String[] row : expected()) {
            String want = row[6];
            if (!want.equals("hard") && !want.equals("soft")) {
                continue;
            }
            rows++;
            Classification c = classify(corpus("bounces/eml/" + row[0]));
            String got = "not-a-bounce(" + c.getClass().getSimpleName() + ")";
            if (c instanceof Classification.Bounce b) {
                detected++;
                int index = Math.min(Integer.parseInt(row[1]), b.recipients().size()) - 1;
                BouncedRecipient r = b.recipients().get(index);
                got = r.bounceClass().name().toLowerCase(java.util.Locale.ROOT);
                categories.merge(r.category(), 1, Integer::sum);
                sameCategory += r.category() == categoryOf(row[2]) ? 1 : 0;
                if (Boolean.getBoolean("corpus.verbose")) {
                    System.out.println("  row: " + row[0] + "#" + row[1] + " want " + want + " (" + row[2] + ") got " + got
                            + " (" + r.reason() + " " + r.status() + " " + r.smtpCode() + " " + r.category() + ")");
                }
                if (!got.equals(want)) {
                    misses.add(row[0] + "#" + row[1] + " want " + want + " (" + row[2] + " " + row[3] + ") got " + got
                            + " (" + r.reason() + " " + r.status() + " " + r.smtpCode() + ")");
                }
            } else {
                misses.add(row[0] + "#" + row[1] + " want " + want + " (" + row[2] + ") got " + got);
            }
            correct += got.equals(want) ? 1 : 0;
            confusion.merge(want + "->" + (got.startsWith("not") ? "not-a-bounce" : got), 1, Integer::sum);
        }
        System.out.printf("bounce corpus: %d hard/soft rows, detected %d (%.1f%%), class correct %d (%.1f%%)%n",
                rows, detected, 100.0 * detected / rows, correct, 100.0 * correct / rows);
        System.out.println("confusion (expected->got): " + confusion);
        System.out.printf("taxonomy: %s; same category as Sisimai's reason %d (%.1f%%)%n", categories, sameCategory,
                100.0 * sameCategory / rows);
        misses.forEach(m -> System.out.println("  miss: " + m));

        assertThat((double) detected / rows).as("bounce detection").isGreaterThanOrEqualTo(DETECTION);
        assertThat((double) correct / rows).as("hard/soft accuracy").isGreaterThanOrEqualTo(CLASS_ACCURACY);
    }

    @Test
    void readsEveryFeedbackRowAsAComplaintAndNoVacationOrDeliveryRowAsABounce() throws Exception {
        for (String[] row : expected()) {
            if (!row[6].equals("none")) {
                continue;
            }
            Classification c = classify(corpus("bounces/eml/" + row[0]));
            switch (row[2]) {
                case "feedback" -> assertThat(c).as(row[0] + " " + c).isInstanceOf(Classification.FeedbackReport.class);
                default -> assertThat(c).as(row[0] + " (" + row[2] + ")").isNotInstanceOf(Classification.Bounce.class)
                        .isNotInstanceOf(Classification.Reply.class);
            }
        }
    }

    @Test
    void neverReadsANotBounceMessageAsABounce() throws Exception {
        List<Path> notBounces = new ArrayList<>(list("bounces/not-bounce"));
        list("auto-replies/eml").stream().filter(p -> p.getFileName().toString().startsWith("is-not-bounce"))
                .forEach(notBounces::add);
        assertThat(notBounces).hasSizeGreaterThanOrEqualTo(4);
        for (Path p : notBounces) {
            assertThat(classify(p)).as(p.getFileName().toString()).isNotInstanceOf(Classification.Bounce.class);
        }
    }

    @Test
    void readsEveryRfc3834MessageAsAnAutoReplyNeverAReply() throws Exception {
        List<Path> autoReplies = list("auto-replies/eml").stream()
                .filter(p -> p.getFileName().toString().startsWith("rfc3834")).toList();
        assertThat(autoReplies).hasSize(6);
        for (Path p : autoReplies) {
            assertThat(classify(p)).as(p.getFileName().toString()).isInstanceOf(Classification.AutoReply.class);
        }
    }

    @Test
    void classifiesEveryParserEdgeCaseWithoutFailing() throws Exception {
        Map<String, Integer> kinds = new TreeMap<>();
        for (Path p : list("bounces/parser-edge-cases")) {
            kinds.merge(classify(p).getClass().getSimpleName(), 1, Integer::sum);
        }
        System.out.println("parser edge cases: " + kinds);
        assertThat(kinds.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(37);
    }

    /** Sisimai's reason in the platform's taxonomy, for the printed agreement only. */
    private static BounceReason categoryOf(String sisimaiReason) {
        return switch (sisimaiReason) {
            case "userunknown", "hasmoved" -> BounceReason.USER_UNKNOWN;
            case "hostunknown", "notaccept" -> BounceReason.HOST_UNKNOWN;
            case "mailboxfull", "exceedlimit" -> BounceReason.MAILBOX_FULL;
            case "blocked", "rejected", "policyviolation", "requireptr", "badreputation", "norelaying",
                 "securityerror", "notcompliantrfc" -> BounceReason.POLICY_BLOCK;
            case "authfailure" -> BounceReason.AUTH_FAILURE;
            case "toomanyconn", "speeding", "ratelimited" -> BounceReason.RATE_LIMITED;
            case "spamdetected", "virusdetected" -> BounceReason.CONTENT_REJECTED;
            case "expired" -> BounceReason.EXPIRED;
            default -> BounceReason.OTHER;
        };
    }

    /** Classified as the poller would, against no known sends; a missing Message-ID is replaced. */
    static Classification classify(Path file) throws Exception {
        InboxMessage m = MimeContent.parse(Files.readAllBytes(file));
        if (MessageIds.normalise(m.messageId()).isEmpty()) {
            m = new InboxMessage("<" + file.getFileName() + "@corpus.test>", m.inReplyTo(), m.references(),
                    m.fromAddress(), m.subject(), m.content());
        }
        return InboxClassifier.classify(m, "org-1", id -> Optional.empty());
    }

    private static List<String[]> expected() throws Exception {
        try (Stream<String> lines = Files.lines(corpus("bounces/expected.tsv"))) {
            return lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                    .filter(r -> Files.exists(corpusOrNull("bounces/eml/" + r[0]))).toList();
        }
    }

    private static List<Path> list(String dir) throws Exception {
        try (Stream<Path> s = Files.list(corpus(dir))) {
            return s.sorted().toList();
        }
    }

    static Path corpus(String relative) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(BounceCorpusTest.class.getResource("/corpus/" + relative),
                relative).toURI());
    }

    private static Path corpusOrNull(String relative) {
        try {
            return corpus(relative);
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of("/nonexistent");
        }
    }

}
