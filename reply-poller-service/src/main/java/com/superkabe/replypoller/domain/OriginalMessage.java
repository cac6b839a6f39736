package com.superkabe.replypoller.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which message of ours a bounce or feedback report is about: the Message-ID in its returned
 * original (a {@code message/rfc822} or {@code text/rfc822-headers} part, or headers quoted in a
 * plain-text bounce), the report's Original-Envelope-Id when it looks like a Message-ID, then the
 * report's own In-Reply-To and References, in that order.
 */
public final class OriginalMessage {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^\\s*message-id:\\s*(<[^<>\\s]+>|\\S+@\\S+)");
    private static final Pattern ENVELOPE_ID = Pattern.compile("(?im)^original-envelope-id:\\s*(\\S+)");

    private OriginalMessage() {
    }

    /** The normalised candidate ids of the original message, most trustworthy first. */
    public static List<String> candidates(InboxMessage m) {
        MailContent c = m.content();
        List<String> ids = new ArrayList<>();
        for (MailPart p : c.parts()) {
            String type = p.mimeType();
            if (type.startsWith("message/rfc822") || type.endsWith("rfc822-headers") || type.equals("message/global")
                    || type.equals("message/global-headers")) {
                add(ids, first(MESSAGE_ID.matcher(headerSection(p.text()))));
            }
        }
        for (MailPart p : c.parts()) {
            String type = p.mimeType();
            if (type.contains("delivery-status")) {
                add(ids, first(ENVELOPE_ID.matcher(p.text())));
            } else if (type.startsWith("text/") && !type.equals("text/html")) {
                add(ids, first(MESSAGE_ID.matcher(p.text())));
            }
        }
        for (String id : ReplyMatcher.candidates(m)) {
            add(ids, id);
        }
        return ids;
    }

    private static String headerSection(String text) {
        String t = text.replace("\r", "");
        int end = t.indexOf("\n\n");
        return end < 0 ? t : t.substring(0, end);
    }

    private static String first(Matcher m) {
        return m.find() ? m.group(1) : null;
    }

    private static void add(List<String> ids, String raw) {
        MessageIds.normalise(raw).filter(id -> id.contains("@")).filter(id -> !ids.contains(id))
                .ifPresent(ids::add);
    }
}
