package com.superkabe.replypoller.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RFC 3464 {@code message/delivery-status} body: one per-message block, then one block
 * of fields per recipient, blocks separated by blank lines, long fields folded onto lines that
 * start with white space. Tolerant: unknown fields are kept, malformed lines skipped.
 */
public final class DeliveryStatus {

    static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    /** SMTP failure reply codes (421, 450-455, 500-559), not any three digits. */
    static final Pattern REPLY_CODE = Pattern.compile("(?<![\\d.#])(421|45[0-5]|5[0-5]\\d)(?=[ \\-])");

    private static final Pattern AFTER_REPLY_CODE = Pattern.compile(
            "(?<![\\d.#])(?:421|45[0-5]|5[0-5]\\d)[ \\-]+['\"]?#?([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");

    /** The per-message fields and the per-recipient field blocks (names case-insensitive). */
    public record Report(Map<String, String> message, List<Map<String, String>> recipients) {
    }

    private DeliveryStatus() {
    }

    public static Report parse(String text) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = newBlock();
        String lastName = null;
        for (String line : text.replace("\r", "").split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = newBlock();
                }
                lastName = null;
            } else if (Character.isWhitespace(line.charAt(0)) && lastName != null) {
                current.merge(lastName, " " + line.trim(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lastName = line.substring(0, colon).trim();
                    current.putIfAbsent(lastName, line.substring(colon + 1).trim());
                }
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        Map<String, String> message = newBlock();
        List<Map<String, String>> recipients = new ArrayList<>();
        for (Map<String, String> b : blocks) {
            if (b.containsKey("Final-Recipient") || b.containsKey("Original-Recipient")) {
                recipients.add(b);
            } else {
                b.forEach(message::putIfAbsent);
            }
        }
        return new Report(message, recipients);
    }

    /** The address of a {@code type; address} field such as Final-Recipient, or null. */
    public static String address(String field) {
        if (field == null) {
            return null;
        }
        String v = field.substring(field.indexOf(';') + 1).trim();
        v = v.replaceAll("^<|>$", "").trim();
        return v.contains("@") ? v.toLowerCase(Locale.ROOT) : null;
    }

    /** The first enhanced status code (x.y.z) in the text, or null. */
    public static String status(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = STATUS.matcher(text);
        return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : null;
    }

    /**
     * The enhanced status the receiver put right after its reply code ("550 5.7.1 ...",
     * "550-'5.7.1 ...", "550 #5.1.0 ..."), or else the first one in the text; null when none. A relay
     * often prefixes its own status to the receiver's reply, which is the one that tells why.
     */
    public static String receiverStatus(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = AFTER_REPLY_CODE.matcher(text);
        return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : status(text);
    }

    /** The first 4xx/5xx SMTP reply code in the text, or 0. */
    public static int replyCode(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = REPLY_CODE.matcher(text);
        while (m.find()) {
            if (m.group(1).charAt(0) != '2') {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static Map<String, String> newBlock() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }
}
