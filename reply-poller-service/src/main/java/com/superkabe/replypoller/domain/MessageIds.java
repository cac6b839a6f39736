package com.superkabe.replypoller.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs as they appear in {@code Message-ID}, {@code In-Reply-To} and {@code References}
 * (RFC 5322 msg-id: {@code <left@right>}), reduced to the text between the angle brackets so ids
 * written with or without brackets compare equal.
 */
public final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern BARE = Pattern.compile("[^<>\\s]+@[^<>\\s]+");

    private MessageIds() {
    }

    /** The one id in {@code raw} (the first if several), normalised; empty if there is none. */
    public static Optional<String> normalise(String raw) {
        List<String> all = parseAll(raw);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /**
     * Every id in a header value, in order: bracketed ids when there are any (comments and junk
     * between them are ignored), otherwise bare {@code left@right} tokens, as some clients write.
     */
    public static List<String> parseAll(String raw) {
        List<String> ids = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return ids;
        }
        Matcher m = BRACKETED.matcher(raw);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            Matcher bare = BARE.matcher(raw);
            while (bare.find()) {
                ids.add(bare.group());
            }
        }
        return ids;
    }

    /** The normalised id in the bracketed wire form. */
    public static String bracketed(String normalisedId) {
        return "<" + normalisedId + ">";
    }
}
