package com.superkabe.replypoller.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A message's top-level headers (names case-insensitive, values unfolded, every occurrence kept)
 * and its MIME leaves, in order. A neutral form so classification needs no mail library; the
 * IMAP adapter fills it. Headers-only when the body was not fetched.
 */
public record MailContent(Map<String, List<String>> headers, List<MailPart> parts) {

    public static final MailContent EMPTY = new MailContent(Map.of(), List.of());

    public MailContent {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        headers = java.util.Collections.unmodifiableMap(copy);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.getFirst());
    }

    /** The first value of a header, lower-case and trimmed, or "" when absent. */
    public String lower(String name) {
        return header(name).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** Leaves of the given MIME type. */
    public List<MailPart> partsOf(String mimeType) {
        return parts.stream().filter(p -> p.mimeType().equals(mimeType)).toList();
    }

    /** Every leaf's text, in order, for the plain-text heuristics. */
    public String allText() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p.text()).append('\n'));
        return b.toString();
    }
}
