package com.superkabe.testsmtp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One message as the peer read it after DATA: envelope sender and recipients, the raw text (dot
 * unstuffed, CRLF line ends) and its header fields, unfolded, by lower-case name.
 * {@code accepted} is false when the peer refused it or dropped the connection instead of replying.
 */
public record ReceivedMessage(String mailFrom, List<String> recipients, String data,
                              Map<String, List<String>> headers, boolean accepted) {

    public ReceivedMessage {
        recipients = List.copyOf(recipients);
        headers = Map.copyOf(headers);
    }

    /** The first value of a header field, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The text after the header block. */
    public String body() {
        int end = data.indexOf("\r\n\r\n");
        return end < 0 ? "" : data.substring(end + 4);
    }
}
