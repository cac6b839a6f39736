package com.superkabe.ingestion.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address forms real mail systems accept for outbound prospecting: a dot-atom local part
 * (RFC 5322 atext, ASCII) of at most 64 octets and a DNS domain of at most 253 octets whose TLD is
 * alphabetic (2+ letters) or an IDNA A-label. Internationalised domains are converted with IDNA
 * (java.net.IDN) and stored in their ASCII form, so "bücher.de" and "xn--bcher-kva.de" are one
 * address. Valid-but-obsolete RFC 5321/5322 forms (quoted local parts, comments, folding white
 * space, address literals, single-label domains) are refused with that diagnosis: no mainstream
 * mailbox provider hands them out, and an ESP would refuse to send to most of them.
 */
public final class EmailSyntax {

    /** The outcome: {@code address} is the normalised form (lower case, ASCII domain) when valid. */
    public record Result(boolean valid, String address, String localPart, String domain, String diagnosis) {
        static Result invalid(String diagnosis) {
            return new Result(false, null, null, null, diagnosis);
        }
    }

    private static final Pattern ATEXT = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

    private EmailSyntax() {
    }

    public static Result check(String raw) {
        if (raw == null || raw.isBlank()) {
            return Result.invalid("is required");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r' || c == '\n') {
                return Result.invalid("contains a line break (CR/LF)");
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return Result.invalid("contains a control character");
            }
        }
        // Spaces around the address are input noise (CSV cells, form fields), not folding white space.
        String address = raw.strip();
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Result.invalid("has no '@'");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.startsWith("\"")) {
            return Result.invalid("has a quoted local part (valid in RFC 5321 but not accepted for outreach)");
        }
        if (local.indexOf('@') >= 0) {
            return Result.invalid("has more than one '@' (quoted local parts are not accepted)");
        }
        String localProblem = diagnoseLocal(local);
        if (localProblem != null) {
            return Result.invalid(localProblem);
        }
        return checkDomain(domain, local);
    }

    /** Kept for callers that only need the diagnosis. */
    public static java.util.Optional<String> diagnose(String address) {
        return java.util.Optional.ofNullable(check(address).diagnosis());
    }

    private static String diagnoseLocal(String local) {
        if (local.isEmpty()) {
            return "has an empty local part";
        }
        if (local.indexOf('(') >= 0 || local.indexOf(')') >= 0) {
            return "has a comment in the local part (obsolete RFC 5322 form, not accepted)";
        }
        if (local.indexOf(' ') >= 0 || local.indexOf('\t') >= 0) {
            return "has white space in the local part";
        }
        for (int i = 0; i < local.length(); i++) {
            if (local.charAt(i) > 0x7e) {
                return "has a non-ASCII local part (SMTPUTF8 addresses are not accepted)";
            }
        }
        if (local.length() > 64) {
            return "has a local part longer than 64 characters";
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty()) {
                return local.startsWith(".") ? "starts with a dot" : local.endsWith(".")
                        ? "has a dot right before the '@'" : "has two consecutive dots in the local part";
            }
            if (!ATEXT.matcher(atom).matches()) {
                return "has a character not allowed in the local part";
            }
        }
        return null;
    }

    private static Result checkDomain(String domain, String local) {
        if (domain.isEmpty()) {
            return Result.invalid("has an empty domain");
        }
        if (domain.startsWith("[")) {
            return Result.invalid("uses an address literal instead of a domain");
        }
        if (domain.indexOf('(') >= 0 || domain.indexOf(' ') >= 0 || domain.indexOf('\t') >= 0) {
            return Result.invalid("has a comment or white space in the domain");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return Result.invalid("has a domain that is not a valid (internationalised) host name: " + e.getMessage());
        }
        if (ascii.length() > 253) {
            return Result.invalid("has a domain longer than 253 characters");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Result.invalid("has a domain without a top-level domain");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Result.invalid(label.isEmpty() ? "has an empty domain label (leading, trailing or double dot)"
                        : label.length() > 63 ? "has a domain label longer than 63 characters"
                        : "has an invalid domain label '" + label + "'");
            }
        }
        if (!TLD.matcher(labels[labels.length - 1]).matches()) {
            return Result.invalid("has an invalid top-level domain '" + labels[labels.length - 1] + "'");
        }
        String lowerDomain = ascii.toLowerCase(Locale.ROOT);
        String lowerLocal = local.toLowerCase(Locale.ROOT);
        if (lowerLocal.length() + 1 + lowerDomain.length() > 254) {
            return Result.invalid("is longer than 254 characters");
        }
        return new Result(true, lowerLocal + "@" + lowerDomain, lowerLocal, lowerDomain, null);
    }

    /** The dedupe key: lower case throughout, domain in ASCII (IDNA) form. */
    public static String normalise(String address) {
        Result r = check(address);
        return r.valid() ? r.address() : address.strip().toLowerCase(Locale.ROOT);
    }
}
