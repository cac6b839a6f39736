package com.superkabe.replypoller.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the failed recipients in a bounce: from the RFC 3464 delivery-status part when there is
 * one, otherwise from the plain text MTAs write (Postfix "&lt;a@b&gt;: ... said: 550 5.1.1",
 * Exim's indented address list and X-Failed-Recipients, qmail "(#5.1.1)", Gmail and Office 365
 * notices). A recipient whose report says {@code Action: delayed} is a SOFT bounce marked delayed
 * (the message is still queued); one delivered, relayed or expanded is none.
 */
public final class BounceParser {

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+\\-=/!#$&'*?^`{|}~]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}");
    private static final Pattern LISTED = Pattern.compile("(?m)^\\s*(?:[*\\-]\\s+)?<?(" + ADDRESS.pattern()
            + ")>?\\s*(:|$|\\.{3}|\\()");
    private static final Pattern EMBEDDED_RECIPIENT = Pattern.compile(
            "(?im)^(?:final|original)-recipient:\\s*(?:rfc822;)?\\s*<?(" + ADDRESS.pattern() + ")");
    private static final int WINDOW = 700;
    /** The line after which a plain-text notice quotes the message that bounced. */
    private static final Pattern ORIGINAL_FOLLOWS = Pattern.compile("(?im)^[ \\t>*-]*(below this line is a copy of the"
            + " message|original message follows|this is a copy of the message|-{2,} ?(original|unsent|returned)"
            + " message ?-{2,}|message headers follow)");

    private BounceParser() {
    }

    /** The failed recipients, or empty when the message reports no failure. */
    public static List<BouncedRecipient> recipients(MailContent c) {
        if (SesNotifications.isBounce(c)) {
            return SesNotifications.recipients(c);
        }
        List<MailPart> dsn = new ArrayList<>(c.partsOf("message/delivery-status"));
        dsn.addAll(c.partsOf("message/global-delivery-status"));
        if (!dsn.isEmpty()) {
            List<BouncedRecipient> found = new ArrayList<>();
            boolean anyRecipient = false;
            for (MailPart p : dsn) {
                DeliveryStatus.Report report = DeliveryStatus.parse(p.text());
                anyRecipient |= !report.recipients().isEmpty();
                found.addAll(fromReport(report, humanText(c), FilteringGateways.wroteNotice(c)));
            }
            if (anyRecipient) {
                return found;
            }
            // a report part without a single recipient block: the notice's text is all there is
        }
        return fromText(c);
    }

    /** The failure of a known recipient, read from a plain-text bounce that does not name it. */
    public static List<BouncedRecipient> forRecipient(MailContent c, String recipient) {
        String text = humanText(c);
        String window = text.substring(0, Math.min(text.length(), WINDOW));
        return List.of(new Evidence(DeliveryStatus.status(text), DeliveryStatus.replyCode(text), window, text, false,
                FilteringGateways.wroteNotice(c), false).judge(recipient.toLowerCase(Locale.ROOT)));
    }

    private static List<BouncedRecipient> fromReport(DeliveryStatus.Report report, String human, boolean gateway) {
        List<BouncedRecipient> found = new ArrayList<>();
        for (Map<String, String> r : report.recipients()) {
            String action = r.getOrDefault("Action", "failed").toLowerCase(Locale.ROOT).trim();
            String status = DeliveryStatus.status(r.get("Status"));
            boolean delayed = action.startsWith("delay");
            if (!action.startsWith("fail") && !delayed && !(action.isEmpty() && status != null
                    && status.startsWith("5"))) {
                continue;
            }
            String recipient = Optional.ofNullable(DeliveryStatus.address(r.get("Final-Recipient")))
                    .orElse(DeliveryStatus.address(r.get("Original-Recipient")));
            if (recipient == null) {
                continue;
            }
            String diagnostic = r.getOrDefault("Diagnostic-Code", "");
            boolean localProgram = diagnostic.toLowerCase(Locale.ROOT).startsWith("x-unix");
            diagnostic = diagnostic.substring(diagnostic.indexOf(';') + 1).trim();
            String explained = diagnostic.isEmpty() ? window(human, recipient) : diagnostic;
            // the receiver's own enhanced status, quoted in its reply, over the one the reporting MTA derived
            String receivers = DeliveryStatus.receiverStatus(diagnostic);
            if (receivers != null && !receivers.endsWith(".0.0")) {
                status = receivers;
            } else if (status == null || status.endsWith(".0.0")) {
                status = Optional.ofNullable(DeliveryStatus.status(explained)).orElse(status);
            }
            found.add(new Evidence(status, DeliveryStatus.replyCode(explained), explained, human, delayed, gateway,
                    localProgram).judge(recipient));
        }
        return found;
    }

    private static List<BouncedRecipient> fromText(MailContent c) {
        String text = humanText(c);
        boolean gateway = FilteringGateways.wroteNotice(c);
        Set<String> addresses = new LinkedHashSet<>();
        c.header("X-Failed-Recipients").ifPresent(v -> collect(ADDRESS.matcher(v), 0, addresses));
        if (addresses.isEmpty()) {
            collect(EMBEDDED_RECIPIENT.matcher(text), 1, addresses);
        }
        if (addresses.isEmpty()) {
            collect(LISTED.matcher(text), 1, addresses);
        }
        Set<String> own = ownAddresses(c);
        Set<String> ownDomains = new LinkedHashSet<>();
        own.forEach(a -> ownDomains.add(a.substring(a.indexOf('@') + 1)));
        addresses.removeIf(a -> own.contains(a) || isDaemon(a, ownDomains));
        if (addresses.isEmpty()) {
            collect(ADDRESS.matcher(text), 0, addresses);
            addresses.removeIf(a -> own.contains(a) || isDaemon(a, ownDomains));
            addresses.retainAll(addresses.stream().limit(1).toList());
        }
        List<BouncedRecipient> found = new ArrayList<>();
        for (String a : addresses) {
            String w = window(text, a, addresses);
            String status = Optional.ofNullable(DeliveryStatus.status(w)).orElse(DeliveryStatus.status(text));
            int code = DeliveryStatus.replyCode(w);
            found.add(new Evidence(status, code == 0 ? DeliveryStatus.replyCode(text) : code, w, text, false, gateway,
                    false).judge(a));
        }
        return found;
    }

    /**
     * The text around the first mention of the address, where MTAs put its diagnostic: from the
     * start of its line to the next failed address (or a fixed length).
     */
    private static String window(String text, String address, Set<String> others) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(address.toLowerCase(Locale.ROOT));
        if (at < 0) {
            return text.substring(0, Math.min(text.length(), WINDOW));
        }
        int from = Math.max(Math.max(0, at - 200), lower.lastIndexOf('\n', at) + 1);
        int to = Math.min(text.length(), at + WINDOW);
        for (String other : others) {
            int next = lower.indexOf(other, at + address.length());
            if (!other.equals(address) && next > at && next < to) {
                to = lower.lastIndexOf('\n', next) > at ? lower.lastIndexOf('\n', next) : next;
            }
        }
        return text.substring(from, to);
    }

    private static String window(String text, String address) {
        return window(text, address, Set.of());
    }

    /**
     * Everything but the returned original, which would mention unrelated addresses and codes: its
     * MIME part, or in a single-part notice the text after the line that announces it.
     */
    private static String humanText(MailContent c) {
        StringBuilder b = new StringBuilder();
        for (MailPart p : c.parts()) {
            if (!p.mimeType().startsWith("message/rfc822") && !p.mimeType().equals("text/rfc822-headers")
                    && !p.mimeType().contains("delivery-status") && !p.mimeType().equals("text/html")) {
                b.append(p.text()).append('\n');
            }
        }
        String text = b.isEmpty() ? c.allText() : b.toString();
        Matcher original = ORIGINAL_FOLLOWS.matcher(text);
        return original.find() && original.start() > 0 ? text.substring(0, original.start()) : text;
    }

    private static Set<String> ownAddresses(MailContent c) {
        Set<String> own = new LinkedHashSet<>();
        for (String h : List.of("From", "To", "Return-Path", "Delivered-To", "Sender")) {
            c.header(h).ifPresent(v -> collect(ADDRESS.matcher(v), 0, own));
        }
        return own;
    }

    /**
     * A daemon address is never a failed recipient, except a postmaster or root of another domain than
     * the notice's own: mail sent to such an address can bounce like any other.
     */
    static boolean isDaemon(String address, Set<String> ownDomains) {
        String local = address.substring(0, address.indexOf('@'));
        if (local.matches("(?i)(postmaster|root)")) {
            return ownDomains.contains(address.substring(address.indexOf('@') + 1));
        }
        return local.matches("(?i)(mailer-daemon|mail-daemon|noreply|no-reply|mailerdaemon|bounces?|double-bounce"
                + "|mdaemon)");
    }

    private static void collect(Matcher m, int group, Set<String> into) {
        while (m.find()) {
            into.add(m.group(group).toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
        }
    }
}
