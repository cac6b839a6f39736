package com.superkabe.kit.web;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The characters user text may hold. PostgreSQL refuses NUL in text, and the other C0 control
 * characters have no place in names, subjects or reasons; TAB, LF and CR stay allowed because
 * bodies and addresses are multi-line ({@link SingleLine} refuses CR and LF where a field is not).
 * The invisible bidirectional embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069) are refused too: they reorder the text shown after them, so a name or address
 * would read differently from what is stored (ADR 0045). The bidi marks (U+200E, U+200F, U+061C)
 * stay allowed: right-to-left text uses them and they reorder nothing around them. An unpaired
 * surrogate (JSON {@code "\ud800"} alone) is refused too: it is no character, UTF-8 cannot hold it,
 * and the database driver stored it as '?', so the text kept was not the text sent.
 */
public final class PlainText {

    private PlainText() {
    }

    /**
     * The index of the first C0 control character other than TAB, LF and CR, bidi control or unpaired
     * surrogate, or -1.
     */
    public static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || bidiControl(c) || unpaired(s, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first C0 control character other than TAB, bidi control or unpaired surrogate,
     * or -1: a single-line value.
     */
    public static int firstControlInLine(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || bidiControl(c) || unpaired(s, i)) {
                return i;
            }
        }
        return -1;
    }

    /** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
    static boolean unpaired(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). */
    static boolean bidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    /** "contains the control character U+0000 at position 3" — the rule, for a problem's message. */
    public static String describe(String s, int index) {
        char c = s.charAt(index);
        if (Character.isSurrogate(c)) {
            return String.format("must not contain an unpaired surrogate, which is no character and cannot be "
                    + "stored (found U+%04X at position %d)", (int) c, index);
        }
        return String.format(bidiControl(c)
                ? "must not contain invisible bidirectional controls (found U+%04X at position %d)"
                : "must not contain control characters (found U+%04X at position %d)", (int) c, index);
    }

    /** A text value (or property name) in a JSON tree that breaks the rule, by its place in the document. */
    public record Violation(String pointer, String field, String message) {
    }

    /** The first string or property name in the tree holding a forbidden control character. */
    public static Optional<Violation> check(JsonNode node) {
        return check(node, "", "");
    }

    private static Optional<Violation> check(JsonNode node, String pointer, String field) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isString()) {
            String s = node.asString();
            int i = firstControl(s);
            return i < 0 ? Optional.empty() : Optional.of(new Violation(pointer, field.isEmpty() ? "body" : field,
                    describe(s, i)));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<Violation> v = check(node.get(i), pointer + "/" + i, field + "[" + i + "]");
                if (v.isPresent()) {
                    return v;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                String f = field.isEmpty() ? e.getKey() : field + "." + e.getKey();
                int k = firstControl(e.getKey());
                if (k >= 0) {
                    return Optional.of(new Violation(p, f, "property names " + describe(e.getKey(), k)));
                }
                Optional<Violation> v = check(e.getValue(), p, f);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }
}
