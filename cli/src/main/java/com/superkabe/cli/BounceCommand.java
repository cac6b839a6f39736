package com.superkabe.cli;

import com.superkabe.replypoller.adapter.out.imap.MimeContent;
import com.superkabe.replypoller.domain.BouncedRecipient;
import com.superkabe.replypoller.domain.Classification;
import com.superkabe.replypoller.domain.InboxClassifier;
import com.superkabe.replypoller.domain.InboxMessage;
import com.superkabe.replypoller.domain.MessageIds;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bounce classify FILE...}: the reply poller's classifier on raw messages, offline. */
@Command(name = "bounce", description = "Offline checks of inbound mail.",
        subcommands = BounceCommand.Classify.class)
public final class BounceCommand {

    @Command(name = "classify", description = {
        "The reply poller's classifier on raw messages, one JSON line per file.", "",
        "Classifies raw RFC 5322 messages (.eml files) exactly as the reply poller does and prints "
        + "{\"file\",\"kind\":\"bounce|complaint|auto-reply|reply|other\",\"recipients\":[{\"address\",\"class\":"
        + "\"hard|soft\",\"reason\",\"status\",\"replyCode\"}]}. Offline, without the sent-message store: a "
        + "message that would only be a reply to one of our sends prints as 'other'.", "",
        "Example: ./superkabe bounce classify ~/Downloads/*.eml"})
    static final class Classify implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Raw messages, one per file.")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Integer> kinds = new LinkedHashMap<>();
            int unreadable = 0;
            for (Path file : files) {
                try {
                    Map<String, Object> line = classify(file);
                    kinds.merge((String) line.get("kind"), 1, Integer::sum);
                    out.println(Json.line(line));
                } catch (IOException | MessagingException e) {
                    unreadable++;
                    spec.commandLine().getErr().println("superkabe: cannot read " + file + ": " + e.getMessage());
                }
            }
            spec.commandLine().getErr().println(files.size() + " files: " + kinds + (unreadable > 0 ? ", "
                    + unreadable + " unreadable" : ""));
            if (unreadable > 0) {
                return ExitCodes.INPUT;
            }
            return kinds.keySet().stream().allMatch(k -> k.equals("bounce")) ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }

    /** One file's line: the classification's kind and, for a bounce, every failed recipient. */
    static Map<String, Object> classify(Path file) throws IOException, MessagingException {
        InboxMessage m = MimeContent.parse(Files.readAllBytes(file));
        if (MessageIds.normalise(m.messageId()).isEmpty()) {
            // the poller skips such a message; offline, the file's name stands in for its own id
            m = new InboxMessage("<" + file.getFileName() + "@superkabe-cli>", m.inReplyTo(), m.references(),
                    m.fromAddress(), m.subject(), m.content());
        }
        Classification c = InboxClassifier.classify(m, "superkabe-cli", id -> Optional.empty());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        List<Map<String, Object>> recipients = new ArrayList<>();
        String kind = switch (c) {
            case Classification.Bounce b -> {
                b.recipients().forEach(r -> recipients.add(recipient(r)));
                yield "bounce";
            }
            case Classification.FeedbackReport f -> {
                if (f.recipient() != null) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("address", f.recipient());
                    r.put("class", null);
                    r.put("reason", f.feedbackType());
                    r.put("status", null);
                    r.put("replyCode", null);
                    recipients.add(r);
                }
                yield "complaint";
            }
            case Classification.AutoReply a -> "auto-reply";
            case Classification.Reply r -> "reply";
            case Classification.Unmatched u -> "other";
        };
        line.put("kind", kind);
        line.put("recipients", recipients);
        return line;
    }

    private static Map<String, Object> recipient(BouncedRecipient r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", r.recipient());
        out.put("class", r.bounceClass().name().toLowerCase(Locale.ROOT));
        out.put("reason", r.reason());
        out.put("status", r.status());
        out.put("replyCode", r.smtpCode() == 0 ? null : r.smtpCode());
        return out;
    }
}
