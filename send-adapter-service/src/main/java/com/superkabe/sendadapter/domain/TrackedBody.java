package com.superkabe.sendadapter.domain;

import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds the compliance and tracking parts to a rendered body. Every part gets the sender's postal
 * address and a visible unsubscribe link (CAN-SPAM § 5(a)(5); the List-Unsubscribe header is invisible
 * to readers). HTML
 * bodies also get the open pixel and, when asked, their http(s) links routed through the click
 * route. Plain-text bodies get neither: a pixel needs HTML, and rewritten text links look like
 * phishing.
 */
public final class TrackedBody {

    /** Where the added parts point; {@code pixelUrl} and {@code clickUrl} may be null (not tracked). */
    public record Links(String unsubscribeUrl, String pixelUrl, UnaryOperator<String> clickUrl) {
        public Links {
            if (unsubscribeUrl == null || unsubscribeUrl.isBlank()) {
                throw new IllegalArgumentException("unsubscribeUrl is required");
            }
        }
    }

    private static final Pattern HTML_START = Pattern.compile(
            "(?is)^\\s*<(!doctype\\s+html|html|head|body|div|p|table|span|a|br|h[1-6])[\\s/>].*");
    private static final Pattern HREF = Pattern.compile(
            "(?i)(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(https?://[^\"'\\s<>]+)\\2");

    private TrackedBody() {
    }

    /** A body written as HTML starts with an HTML tag; anything else is sent as plain text. */
    public static boolean isHtml(String body) {
        return body != null && HTML_START.matcher(body).matches();
    }

    /** The parts of a message: {@code html} is null for a plain-text body. */
    public record Rendered(String text, String html) {
    }

    /**
     * The body with the CAN-SPAM footer (the sender's postal address and the unsubscribe link) in every
     * part: a plain body is one text part; an HTML body gets a text alternative derived from it.
     */
    public static Rendered render(String body, Links links, String mailingAddress) {
        if (mailingAddress == null || mailingAddress.isBlank()) {
            throw new IllegalArgumentException("mailingAddress is required");
        }
        String source = body == null ? "" : body;
        String textFooter = "\n\n--\n" + mailingAddress.strip() + "\nTo stop receiving these emails: "
                + links.unsubscribeUrl() + "\n";
        if (!isHtml(source)) {
            return new Rendered(source + textFooter, null);
        }
        return new Rendered(PlainText.of(source) + textFooter, html(source, links, mailingAddress.strip()));
    }

    private static String html(String text, Links links, String mailingAddress) {
        String html = links.clickUrl() == null ? text : rewriteLinks(text, links.clickUrl());
        String footer = "<p style=\"font-size:12px;color:#888\">" + escape(mailingAddress).replace("\n", "<br>")
                + "<br><a href=\"" + attribute(links.unsubscribeUrl()) + "\">Unsubscribe</a></p>"
                + (links.pixelUrl() == null ? "" : "<img src=\"" + attribute(links.pixelUrl())
                        + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">");
        int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
    }

    private static String rewriteLinks(String html, UnaryOperator<String> clickUrl) {
        Matcher m = HREF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // the browser would follow the unescaped URL, so that is the one to sign and redirect to
            String target = m.group(3).replace("&amp;", "&");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2)
                    + attribute(clickUrl.apply(target)) + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;");
    }
}
