package com.superkabe.replypoller.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon SES bounce notifications delivered by e-mail (an SNS notification whose {@code Message} is
 * the SES JSON, escaped): {@code "notificationType":"Bounce"}, a {@code bounceType} (Permanent,
 * Transient, Undetermined) and {@code bouncedRecipients} with {@code emailAddress}, {@code status}
 * and {@code diagnosticCode}. Read with patterns, tolerant of the escaping, without a JSON library.
 */
public final class SesNotifications {

    private static final Pattern BOUNCE = Pattern.compile("\"notificationType\"\\s*:\\s*\"Bounce\"");
    private static final Pattern TYPE = Pattern.compile("\"bounceType\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern RECIPIENT = Pattern.compile(
            "\\{[^{}]*\"emailAddress\"\\s*:\\s*\"([^\"]+@[^\"]+)\"[^{}]*}");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern DIAGNOSTIC = Pattern.compile("\"diagnosticCode\"\\s*:\\s*\"([^\"]*)\"");

    private SesNotifications() {
    }

    public static boolean isBounce(MailContent c) {
        return BOUNCE.matcher(unescaped(c.allText())).find();
    }

    /** The bounced recipients, judged like any other; permanence from bounceType when no status is given. */
    public static List<BouncedRecipient> recipients(MailContent c) {
        String json = unescaped(c.allText());
        if (!BOUNCE.matcher(json).find()) {
            return List.of();
        }
        boolean permanent = Optional.of(TYPE.matcher(json)).filter(Matcher::find).map(m -> m.group(1))
                .map(t -> t.equalsIgnoreCase("Permanent")).orElse(false);
        int from = json.indexOf("\"bouncedRecipients\"");
        List<BouncedRecipient> found = new ArrayList<>();
        Matcher r = RECIPIENT.matcher(from < 0 ? json : json.substring(from));
        while (r.find()) {
            String block = r.group();
            String diagnostic = first(DIAGNOSTIC, block);
            String status = Optional.ofNullable(DeliveryStatus.status(first(STATUS, block)))
                    .or(() -> Optional.ofNullable(DeliveryStatus.status(diagnostic)))
                    .orElse(permanent ? "5.0.0" : "4.0.0");
            found.add(new Evidence(status, DeliveryStatus.replyCode(diagnostic), diagnostic, diagnostic, false, false,
                    false).judge(r.group(1).toLowerCase(Locale.ROOT)));
            if (from < 0) {
                break;
            }
        }
        return found;
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    /** The SES JSON inside the SNS envelope is a string: its quotes arrive as \". Soft line breaks are undone. */
    private static String unescaped(String text) {
        return text.replace("\\\"", "\"").replaceAll("\\r?\\n(?=[^\\s{}\"])", "");
    }
}
