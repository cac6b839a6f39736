package com.superkabe.replypoller.adapter.out.imap;

import com.superkabe.replypoller.domain.AutomatedMail;
import com.superkabe.replypoller.domain.InboxMessage;
import com.superkabe.replypoller.domain.MailContent;
import com.superkabe.replypoller.domain.MailPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Turns a raw RFC 5322 message (or a fetched one) into the domain's neutral {@link InboxMessage}:
 * unfolded top-level headers and every MIME leaf as text. Nested {@code message/rfc822} parts
 * stay one leaf (their headers identify the original). Broken MIME never fails the message: a
 * multipart that cannot be parsed becomes one text leaf of its raw body.
 */
public final class MimeContent {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_DEPTH = 8;
    private static final int MAX_PART_CHARS = 200_000;

    /** Larger messages are classified on their headers only: bounces and auto-replies are small. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private MimeContent() {
    }

    public static InboxMessage parse(byte[] raw) throws MessagingException {
        return of(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
    }

    /**
     * A whole message fetched through an API, seen exactly as the IMAP reader sees it: the body is kept
     * only when the headers look machine-written and the message is at most 2 MiB, so an API mailbox
     * and an IMAP mailbox classify the same message the same way.
     */
    public static InboxMessage asPolled(byte[] raw) throws MessagingException {
        MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        MailContent headers = headersOnly(m);
        String subject = subject(m);
        if (raw.length <= MAX_BODY_BYTES && AutomatedMail.worthReadingBody(headers, subject)) {
            return of(m);
        }
        return new InboxMessage(header(m, "Message-ID"), header(m, "In-Reply-To"), header(m, "References"),
                from(m), subject, headers);
    }

    /** Headers and body of a message; its body is read in full. */
    public static InboxMessage of(MimeMessage m) throws MessagingException {
        List<MailPart> parts = new ArrayList<>();
        walk(m, parts, 0);
        return new InboxMessage(header(m, "Message-ID"), header(m, "In-Reply-To"), header(m, "References"),
                from(m), subject(m), new MailContent(headers(m), parts));
    }

    /** Headers only, for messages whose body is not worth fetching. */
    public static MailContent headersOnly(Part m) throws MessagingException {
        return new MailContent(headers(m), List.of());
    }

    static Map<String, List<String>> headers(Part m) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<Header> all = m.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            String value = h.getValue() == null ? "" : MimeUtility.unfold(h.getValue());
            headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        return headers;
    }

    private static void walk(Part p, List<MailPart> into, int depth) {
        String contentType = contentType(p);
        String mime = baseType(contentType);
        try {
            if (mime.startsWith("multipart/") && depth < MAX_DEPTH) {
                Multipart mp = (Multipart) p.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    walk(mp.getBodyPart(i), into, depth + 1);
                }
                return;
            }
            try (InputStream in = p.getInputStream()) {
                into.add(new MailPart(mime, contentType, text(in.readAllBytes(), contentType)));
            }
        } catch (MessagingException | IOException | ClassCastException | IllegalArgumentException e) {
            into.add(new MailPart("text/plain", "text/plain", rawBody(p)));
        }
    }

    private static String rawBody(Part p) {
        try (InputStream in = p instanceof MimeMessage mm ? mm.getRawInputStream()
                : ((jakarta.mail.internet.MimeBodyPart) p).getRawInputStream()) {
            return text(in.readAllBytes(), "text/plain");
        } catch (MessagingException | IOException | ClassCastException e) {
            return "";
        }
    }

    private static String text(byte[] bytes, String contentType) {
        Charset charset = StandardCharsets.ISO_8859_1;
        try {
            String name = new ContentType(contentType).getParameter("charset");
            if (name != null) {
                charset = Charset.forName(MimeUtility.javaCharset(name.trim()));
            } else if (isUtf8(bytes)) {
                charset = StandardCharsets.UTF_8;
            }
        } catch (MessagingException | IllegalArgumentException e) {
            // unknown or malformed charset: ISO-8859-1 keeps every byte, and the codes we read are ASCII
        }
        String s = new String(bytes, charset);
        return s.length() > MAX_PART_CHARS ? s.substring(0, MAX_PART_CHARS) : s;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static String contentType(Part p) {
        try {
            String ct = p.getContentType();
            return ct == null ? "text/plain" : MimeUtility.unfold(ct);
        } catch (MessagingException e) {
            return "text/plain";
        }
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            int semi = contentType.indexOf(';');
            return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        }
    }

    static String header(Part m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }

    static String from(MimeMessage m) {
        try {
            var from = m.getFrom();
            if (from == null || from.length == 0) {
                return null;
            }
            return from[0] instanceof InternetAddress ia ? ia.getAddress() : from[0].toString();
        } catch (MessagingException e) {
            return null;
        }
    }
}
