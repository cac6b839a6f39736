package com.superkabe.ingestion.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address forms real mail systems accept for outbound prospecting (ADR 0011, ADR 0023):
 * <ul>
 * <li>No unsafe Unicode anywhere ({@link UnsafeCharacters}); spaces and tabs around the address are
 * input noise and trimmed.</li>
 * <li>Local part: a dot-atom of RFC 5322 atext, at most 64 octets. Non-ASCII (RFC 6531 SMTPUTF8)
 * only when the organization enables it, NFC-normalised; otherwise refused with
 * {@code smtputf8_not_enabled}. Quoted local parts are refused ({@code quoted_local_part}): valid
 * in RFC 5321, handed out by no mainstream provider, refused by most ESP APIs.</li>
 * <li>Domain: a DNS host name validated by {@link Idna} (IDNA 2008 with the UTS #46 mapping),
 * stored as A-labels; at least two labels; the top-level label alphabetic (2+ letters) or an
 * A-label. Address literals ({@code [192.0.2.1]}) are refused ({@code address_literal}): a
 * prospect's mail goes to a name, never to an IP address.</li>
 * <li>RFC 5321 limits: local part 64 octets, domain 253 octets in ASCII form (255 on the wire), the
 * address 254 octets (the 256-octet path less its angle brackets).</li>
 * </ul>
 * Comments, folding white space and obsolete RFC 5322 forms are refused with their diagnosis.
 * {@link Result#code()} is the reason code a refusal is reported with.
 */
public final class EmailSyntax {

    /** The reason codes a refusal carries. */
    public static final String SYNTAX = "syntax";
    public static final String UNSAFE = "unsafe_character";
    public static final String TOO_LONG = "too_long";
    public static final String SMTPUTF8 = "smtputf8_not_enabled";
    public static final String QUOTED = "quoted_local_part";
    public static final String LITERAL = "address_literal";
    public static final String IDNA = "idna";

    /**
     * The outcome: {@code address} is the normalised form (lower case, ASCII domain) when valid;
     * {@code smtputf8} says the local part needs SMTPUTF8; {@code code} names a refusal.
     */
    public record Result(boolean valid, String address, String localPart, String domain, String code,
                         String diagnosis, boolean smtputf8) {
        static Result invalid(String code, String diagnosis) {
            return new Result(false, null, null, null, code, diagnosis, false);
        }
    }

    private static final Pattern ATEXT = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private EmailSyntax() {
    }

    /** Judged as an organization that does not accept SMTPUTF8 local parts. */
    public static Result check(String raw) {
        return check(raw, false);
    }

    public static Result check(String raw, boolean smtputf8Allowed) {
        if (raw == null || raw.isBlank()) {
            return Result.invalid(SYNTAX, "is required");
        }
        String address = trim(raw);
        String unsafe = UnsafeCharacters.find(address);
        if (unsafe != null) {
            return Result.invalid(UNSAFE, unsafe);
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Result.invalid(SYNTAX, "has no '@'");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.startsWith("\"")) {
            return Result.invalid(QUOTED, "has a quoted local part (valid in RFC 5321, not accepted for outreach)");
        }
        if (local.indexOf('@') >= 0) {
            return Result.invalid(SYNTAX, "has more than one '@' (quoted local parts are not accepted)");
        }
        if (domain.startsWith("[")) {
            return Result.invalid(LITERAL, "uses an address literal instead of a domain (not accepted for outreach)");
        }
        boolean utf8 = !Idna.isAscii(local);
        if (utf8 && !smtputf8Allowed) {
            return Result.invalid(SMTPUTF8, "has a non-ASCII local part, which needs SMTPUTF8; this organization "
                    + "does not accept SMTPUTF8 addresses (lead-health setting smtputf8)");
        }
        String normalLocal = utf8 ? Normalizer.normalize(local, Normalizer.Form.NFC) : local;
        Result localProblem = diagnoseLocal(normalLocal);
        if (localProblem != null) {
            return localProblem;
        }
        return checkDomain(domain, normalLocal, utf8);
    }

    /** Spaces and tabs around an address are CSV or form noise, not folding white space. */
    private static String trim(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && (raw.charAt(start) == ' ' || raw.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t')) {
            end--;
        }
        return raw.substring(start, end);
    }

    private static Result diagnoseLocal(String local) {
        if (local.isEmpty()) {
            return Result.invalid(SYNTAX, "has an empty local part");
        }
        if (local.indexOf('(') >= 0 || local.indexOf(')') >= 0) {
            return Result.invalid(SYNTAX, "has a comment in the local part (obsolete RFC 5322 form, not accepted)");
        }
        if (local.indexOf(' ') >= 0 || local.indexOf('\t') >= 0) {
            return Result.invalid(SYNTAX, "has white space in the local part");
        }
        int octets = local.getBytes(StandardCharsets.UTF_8).length;
        if (octets > 64) {
            return Result.invalid(TOO_LONG, "has a local part of " + octets + " octets; RFC 5321 allows 64");
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty()) {
                return Result.invalid(SYNTAX, local.startsWith(".") ? "starts with a dot" : local.endsWith(".")
                        ? "has a dot right before the '@'" : "has two consecutive dots in the local part");
            }
            if (!ATEXT.matcher(asciiStandIn(atom)).matches()) {
                return Result.invalid(SYNTAX, "has a character not allowed in the local part");
            }
        }
        return null;
    }

    /** RFC 6531 extends atext by every non-ASCII character (the unsafe ones are refused before). */
    private static String asciiStandIn(String atom) {
        StringBuilder sb = new StringBuilder(atom.length());
        atom.codePoints().forEach(cp -> sb.append(cp >= 0x80 ? 'a' : (char) cp));
        return sb.toString();
    }

    private static Result checkDomain(String domain, String local, boolean utf8) {
        if (domain.isEmpty()) {
            return Result.invalid(SYNTAX, "has an empty domain");
        }
        if (domain.indexOf('(') >= 0 || domain.indexOf(' ') >= 0 || domain.indexOf('\t') >= 0) {
            return Result.invalid(SYNTAX, "has a comment or white space in the domain");
        }
        Idna.Result idna = Idna.toAscii(domain);
        if (idna.error() != null) {
            String code = switch (idna.problem()) {
                case SHAPE -> SYNTAX;
                case IDNA -> IDNA;
                case LENGTH -> TOO_LONG;
            };
            return Result.invalid(code, idna.error());
        }
        String ascii = idna.ascii();
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Result.invalid(SYNTAX, "has a domain without a top-level domain");
        }
        String tld = labels[labels.length - 1];
        if (!TLD.matcher(tld).matches()) {
            return Result.invalid(SYNTAX, "has an invalid top-level domain '" + tld + "'");
        }
        String lowerLocal = local.toLowerCase(Locale.ROOT);
        int octets = lowerLocal.getBytes(StandardCharsets.UTF_8).length + 1 + ascii.length();
        if (octets > 254) {
            return Result.invalid(TOO_LONG, "is " + octets + " octets long; RFC 5321 allows 254 (a 256-octet path)");
        }
        return new Result(true, lowerLocal + "@" + ascii, lowerLocal, ascii, null, null, utf8);
    }

    /** The dedupe key: lower case throughout, domain in ASCII (IDNA) form. */
    public static String normalise(String address) {
        Result r = check(address, true);
        return r.valid() ? r.address() : address.strip().toLowerCase(Locale.ROOT);
    }
}
