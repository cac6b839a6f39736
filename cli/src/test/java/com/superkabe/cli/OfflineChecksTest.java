package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** bounce classify on the reply poller's own corpus, lead check with the ingestion gate's shipped lists. */
class OfflineChecksTest {

    static final Path CORPUS = Path.of("../reply-poller-service/src/test/resources/corpus");

    record Run(int exit, List<JsonNode> lines, String err) {
    }

    @Test
    void aHardBounceAComplaintAndAnAutoReplyArePrintedOneJsonLineEachInTheIssuesShape() {
        Run run = run("bounce", "classify", CORPUS.resolve("bounces/eml/arf-02.eml").toString(),
                CORPUS.resolve("bounces/eml/lhost-postfix-01.eml").toString(),
                CORPUS.resolve("auto-replies/eml/rfc3834-01.eml").toString());

        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0).get("kind").asString()).isEqualTo("complaint");
        JsonNode bounce = run.lines().get(1);
        assertThat(bounce.get("kind").asString()).isEqualTo("bounce");
        JsonNode recipient = bounce.get("recipients").get(0);
        assertThat(recipient.propertyNames()).containsExactly("address", "class", "reason", "status", "replyCode");
        assertThat(recipient.get("class").asString()).isIn("hard", "soft");
        assertThat(run.lines().get(2).get("kind").asString()).isEqualTo("auto-reply");
        assertThat(run.lines().get(2).get("recipients")).isEmpty();
        assertThat(run.exit()).as("not every file is a bounce").isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void aFileThatCannotBeReadExitsWithTheInputCode() {
        Run run = run("bounce", "classify", "no-such-file.eml");

        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("cannot read no-such-file.eml");
    }

    @Test
    void aPersonalAddressIsGreenAndADisposableRoleAddressIsRedWithTheValidateEndpointsFields() {
        Run run = run("lead", "check", "ann@acme.com", "info@mailinator.com", "--no-dns");

        assertThat(run.lines()).hasSize(2);
        JsonNode ann = run.lines().get(0);
        assertThat(ann.propertyNames()).containsExactly("email", "normalized", "verdict", "score", "checks");
        assertThat(ann.get("verdict").asString()).isEqualTo("GREEN");
        assertThat(ann.get("checks").propertyNames()).containsExactly("syntax", "reserved", "mx", "disposable",
                "role", "tld");
        assertThat(ann.get("checks").get("mx").get("passed").isNull()).isTrue();
        JsonNode info = run.lines().get(1);
        assertThat(info.get("verdict").asString()).isEqualTo("RED");
        assertThat(info.get("checks").get("disposable").get("code").asString()).isEqualTo("disposable");
        assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void onlyGreenAndYellowAddressesExitZero() {
        assertThat(run("lead", "check", "ann@acme.com", "--no-dns").exit()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anUnknownWhatIfSettingIsRefusedNamingTheKnownOnes() {
        Run run = run("what-if", "--set", "protection.pauseBouncez=4", "-b", "localhost:1");

        assertThat(run.exit()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("protection.pauseBouncez").contains("protection.pauseBounces");
    }

    @Test
    void anUnknownKindOfEntityIsAUsageError() {
        Run run = run("timeline", "mailboxes", "x");

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("use mailbox, domain, lead, run or campaign");
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SuperkabeCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString().lines().map(l -> Json.MAPPER.readTree(l)).toList(), err.toString());
    }
}
