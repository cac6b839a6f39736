package com.superkabe.ingestion.domain;

/**
 * An organization's postal address as printed in every message's footer (CAN-SPAM § 5(a)(5)).
 * Trimmed; 10 to 500 characters; may span lines (CRLF is stored as LF) but carries no other
 * control character, so it cannot smuggle a header or a NUL into a rendered message.
 */
public record MailingAddress(String value) {

    public static final int MIN = 10;
    public static final int MAX = 500;

    public MailingAddress {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("mailingAddress " + problem);
        }
    }

    /** The address a caller typed, trimmed and with CRLF line breaks made LF; refuses what breaks a rule. */
    public static MailingAddress of(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("mailingAddress is required");
        }
        return new MailingAddress(raw.replace("\r\n", "\n").strip());
    }

    private static String problem(String v) {
        if (v == null) {
            return "is required";
        }
        if (v.isBlank()) {
            return "must not be blank";
        }
        if (!v.equals(v.strip())) {
            return "must not start or end with whitespace";
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\n') {
                return "contains the control character U+" + String.format("%04X", (int) c)
                        + " (only line breaks are allowed)";
            }
        }
        int length = v.codePointCount(0, v.length());
        if (length < MIN || length > MAX) {
            return "has " + length + " characters; it must have " + MIN + " to " + MAX;
        }
        return null;
    }
}
