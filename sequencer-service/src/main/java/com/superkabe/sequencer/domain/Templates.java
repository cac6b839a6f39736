package com.superkabe.sequencer.domain;

import com.superkabe.events.gate.LeadSnapshot;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token replacement: {@code {{firstName}}}, {@code {{lastName}}}, {@code {{company}}},
 * {@code {{title}}}, {@code {{email}}}, with an optional fallback {@code {{company|your team}}}.
 * A token with no value and no fallback is an error (fail closed), never an empty hole in a mail.
 * Lead values come from outside (intake, CSV, Clay): in an HTML body they are escaped, so a
 * company named {@code <a href=…>} is text, not a link the send adapter would sign and track; in a
 * plain-text body their angle brackets are dropped, so a value cannot make the body look like HTML.
 */
public final class Templates {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*(?:\\|([^}]*))?}}");

    private Templates() {
    }

    /** Thrown when a token has no value; the run fails with this message. */
    public static final class MissingToken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingToken(String message) {
            super(message);
        }
    }

    /** A subject, or a body: an HTML body (one that starts with a tag) gets its lead values escaped. */
    public static String render(String template, LeadSnapshot lead) {
        return render(template, lead, template.stripLeading().startsWith("<"));
    }

    public static String render(String template, LeadSnapshot lead, boolean html) {
        Map<String, String> values = new java.util.HashMap<>();
        put(values, "firstName", lead.firstName());
        put(values, "lastName", lead.lastName());
        put(values, "company", lead.company());
        put(values, "title", lead.title());
        put(values, "email", lead.email());
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value != null) {
                // in plain text, angle brackets are dropped: a value must not turn the body into HTML
                value = html ? escapeHtml(value) : value.replace("<", "").replace(">", "");
            }
            if (value == null) {
                if (m.group(2) == null) {
                    throw new MissingToken("template token {{" + m.group(1) + "}} has no value for this lead");
                }
                value = m.group(2).trim();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The tokens a template may use. */
    public static final java.util.Set<String> KNOWN_TOKENS = java.util.Set.of("firstName", "lastName", "company",
            "title", "email");
    private static final Pattern ANY_TOKEN = Pattern.compile("\\{\\{(.*?)}}");

    /**
     * What is wrong with a template's tokens, or empty: an unknown token ({@code {{frstName}}}), a token
     * that is not a plain name, or a {@code {{} that is never closed. Checked when a campaign is created,
     * so a typo is a 400 naming the step and token rather than failed runs later.
     */
    public static java.util.Optional<String> tokenProblem(String template) {
        if (template == null) {
            return java.util.Optional.empty();
        }
        Matcher m = ANY_TOKEN.matcher(template);
        int end = 0;
        while (m.find()) {
            Matcher token = TOKEN.matcher(m.group());
            if (!token.matches()) {
                return java.util.Optional.of("malformed token " + m.group() + ": write {{name}} or {{name|fallback}}");
            }
            if (!KNOWN_TOKENS.contains(token.group(1))) {
                return java.util.Optional.of("unknown token {{" + token.group(1) + "}}; known tokens: "
                        + new java.util.TreeSet<>(KNOWN_TOKENS));
            }
            end = m.end();
        }
        if (template.indexOf("{{", end) >= 0) {
            return java.util.Optional.of("unbalanced braces: '{{' at offset " + template.indexOf("{{", end)
                    + " is never closed with '}}'");
        }
        return java.util.Optional.empty();
    }

    private static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value.replace('\r', ' ').replace('\n', ' ').trim());
        }
    }
}
