package com.superkabe.mailguard;

// Twin copies in send-adapter-service and reply-poller-service (same class name): change both, until the
// kit owns them (ADR 0027).

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a mailbox server's host may look like (ADR 0027): a DNS host name (internationalised names
 * allowed) or an IP literal (IPv4 dotted quad, IPv6 bare or in brackets). No scheme, user, port, path,
 * whitespace or control characters: the port has its own field. Pure syntax, no lookup.
 */
public final class HostSyntax {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private HostSyntax() {
    }

    /** Why {@code host} is not a host name or IP literal; empty when it is one. */
    public static Optional<String> problem(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (ControlCharacters.find(host).isPresent()) {
            return Optional.of("must not contain control characters (" + ControlCharacters.find(host).get() + ")");
        }
        if (host.contains("/") || host.contains("@") || host.contains("\\") || host.contains("?")
                || host.contains("#") || host.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("must be a host name or IP address only, without scheme, user, path or spaces");
        }
        if (host.startsWith("[") || host.contains(":")) {
            return literal(host).isPresent() && host.contains(":") ? Optional.empty()
                    : Optional.of("must be a host name or IP address, without a port (the port is its own field)");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid host name: " + e.getMessage());
        }
        if (ascii.length() > 253) {
            return Optional.of("must be at most 253 characters as an ASCII host name");
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("is not a valid host name: each dot-separated label is 1 to 63 letters, "
                        + "digits or inner hyphens");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit) && !DOTTED_QUAD.matcher(ascii).matches()) {
            return Optional.of("is neither a host name (its last label is numeric) nor a dotted-quad IPv4 address");
        }
        return Optional.empty();
    }

    /** The address an IP literal names (a dotted quad, or IPv6 bare or bracketed); empty for anything else. */
    public static Optional<InetAddress> literal(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String inner = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = DOTTED_QUAD.matcher(inner).matches();
        boolean v6 = inner.contains(":") && IPV6.matcher(inner).matches();
        if (!v4 && !v6 || (!inner.equals(host) && !v6)) {
            return Optional.empty();
        }
        try {
            // a literal of these shapes is parsed, never looked up
            return Optional.of(InetAddress.getByName(inner));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
