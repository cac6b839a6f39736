package com.superkabe.mailguard;

// Twin copies in send-adapter-service and reply-poller-service (same class name): change both, until the
// kit owns them (ADR 0027).

import java.util.Optional;

/**
 * Control characters in user text (ADR 0027). Stored, they end up in logs, headers and other
 * services' events; CR and LF forge log lines and NUL breaks PostgreSQL. {@link #find} names the first
 * one for a refusal; {@link #escaped} makes a value safe to write on one log line.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The first control character (C0, DEL, C1, or a line or paragraph separator), as {@code U+XXXX}. */
    public static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return text.codePoints().filter(ControlCharacters::isControl).findFirst()
                .stream().mapToObj(c -> String.format("U+%04X", c)).findFirst();
    }

    /** {@code text} with every control character written as an escape ({@code \r}, {@code \n}, {@code \u0000}). */
    public static String escaped(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (text.codePoints().noneMatch(ControlCharacters::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029;
    }
}
