package com.superkabe.ingestion.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address forms real mail systems accept for outbound prospecting: a dot-atom local part
 * (RFC 5322 atext) of at most 64 octets and a DNS domain with an alphabetic TLD. Quoted local
 * parts and address literals are valid RFC 5321 but refused here, with that diagnosis.
 */
public final class EmailSyntax {

    private static final Pattern ATEXT = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[A-Za-z]{2,63}");

    private EmailSyntax() {
    }

    /** The diagnosis of why {@code address} is not acceptable, or empty when it is. */
    public static Optional<String> diagnose(String address) {
        if (address == null || address.isBlank()) {
            return Optional.of("is required");
        }
        if (address.length() > 254) {
            return Optional.of("is longer than 254 characters");
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Optional.of("has no '@'");
        }
        if (address.indexOf('@') != at) {
            return Optional.of("has more than one '@' (quoted local parts are not accepted)");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        return diagnoseLocal(local).or(() -> diagnoseDomain(domain));
    }

    public static String normalise(String address) {
        String trimmed = address.trim();
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static Optional<String> diagnoseLocal(String local) {
        if (local.isEmpty()) {
            return Optional.of("has an empty local part");
        }
        if (local.length() > 64) {
            return Optional.of("has a local part longer than 64 characters");
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty()) {
                return Optional.of("has a leading, trailing or double dot in the local part");
            }
            if (!ATEXT.matcher(atom).matches()) {
                return Optional.of("has a character not allowed in the local part");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> diagnoseDomain(String domain) {
        if (domain.isEmpty()) {
            return Optional.of("has an empty domain");
        }
        if (domain.startsWith("[")) {
            return Optional.of("uses an address literal instead of a domain");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("has a domain without a top-level domain");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("has an invalid domain label '" + label + "'");
            }
        }
        if (!TLD.matcher(labels[labels.length - 1]).matches()) {
            return Optional.of("has an invalid top-level domain");
        }
        return Optional.empty();
    }
}
