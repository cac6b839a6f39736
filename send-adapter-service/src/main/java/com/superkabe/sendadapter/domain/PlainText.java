package com.superkabe.sendadapter.domain;

import java.util.regex.Pattern;

/** The text alternative of an HTML body: blocks become line breaks, tags go, common entities are read. */
final class PlainText {

    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(style|script|head)\\b.*?</\\1\\s*>");
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|div|h[1-6]|li|tr|table)\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private PlainText() {
    }

    static String of(String html) {
        String text = INVISIBLE.matcher(html).replaceAll("");
        text = BREAKS.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
