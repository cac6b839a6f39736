package com.superkabe.ingestion.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A domain name to its ASCII (A-label) form under IDNA 2008 (RFC 5890–5892) with the UTS #46
 * mapping in front of it, the way mail software reads a user-typed domain:
 * <ol>
 * <li>Mapping (UTS #46, non-transitional): the ideographic and full-width full stops are dots; every
 * other code point is NFKC-normalised and lower-cased, and one whose mapping brings in an ASCII
 * character that is not a letter, digit or hyphen (U+2488 "⒈" → "1.") is disallowed (STD3 rules).</li>
 * <li>Each label: an ASCII label must be LDH, no hyphen first or last, no "--" in positions 3–4
 * unless it is an A-label; an A-label ({@code xn--…}) is decoded and must be real Punycode of a
 * valid U-label that encodes back to the same label ({@code xn--0} is refused); a U-label must be
 * NFC, must not start with a combining mark, and every code point must be PVALID by the RFC 5892
 * derivation (letters Ll/Lo/Lm, marks Mn/Mc, digits Nd, stable under NFKC and case folding).</li>
 * <li>Lengths: labels 1–63 octets and the name at most 253 octets in ASCII form.</li>
 * </ol>
 * Not implemented: the CONTEXTO rules (those code points are refused) and the Bidi rule of RFC 5893.
 */
public final class Idna {

    /** What kind of rule a refused name broke. */
    public enum Problem { SHAPE, IDNA, LENGTH }

    /** The ASCII form, or the problem: {@code error} is null when {@code ascii} is valid. */
    public record Result(String ascii, Problem problem, String error) {
        static Result invalid(Problem problem, String error) {
            return new Result(null, problem, error);
        }
    }

    private Idna() {
    }

    public static Result toAscii(String domain) {
        String mapped;
        try {
            mapped = map(domain);
        } catch (IllegalArgumentException e) {
            return Result.invalid(Problem.IDNA, e.getMessage());
        }
        String[] labels = mapped.split("\\.", -1);
        List<String> ascii = new ArrayList<>(labels.length);
        for (String label : labels) {
            if (label.isEmpty()) {
                return Result.invalid(Problem.SHAPE, "has an empty domain label (leading, trailing or double dot)");
            }
            String problem = label.startsWith("xn--") ? aLabel(label) : isAscii(label) ? ldh(label) : uLabel(label);
            if (problem != null) {
                return Result.invalid(isAscii(label) && !label.startsWith("xn--") ? Problem.SHAPE : Problem.IDNA,
                        problem);
            }
            String a = isAscii(label) ? label : "xn--" + Punycode.encode(label);
            if (a.length() > 63) {
                return Result.invalid(Problem.LENGTH, "has a domain label longer than 63 octets");
            }
            ascii.add(a);
        }
        String name = String.join(".", ascii);
        if (name.length() > 253) {
            return Result.invalid(Problem.LENGTH, "has a domain longer than 253 octets (255 on the wire)");
        }
        return new Result(name, null, null);
    }

    private static String map(String domain) {
        StringBuilder out = new StringBuilder(domain.length());
        domain.codePoints().forEach(cp -> {
            if (cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61) {
                out.append('.');
            } else if (cp < 0x80) {
                out.append(Character.toLowerCase((char) cp));
            } else {
                String m = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                for (int i = 0; i < m.length(); i++) {
                    char c = m.charAt(i);
                    if (c < 0x80 && !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                        throw new IllegalArgumentException("has a domain character that is not allowed: "
                                + CharacterNames.describe(cp));
                    }
                }
                out.append(m);
            }
        });
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static String ldh(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return "has a character not allowed in a domain name: '" + c + "'";
            }
        }
        return hyphens(label);
    }

    private static String hyphens(String label) {
        if (label.startsWith("-") || label.endsWith("-")) {
            return "has a domain label that starts or ends with a hyphen ('" + label + "')";
        }
        if (label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-') {
            return "has a domain label with '--' in positions 3 and 4, reserved for A-labels ('" + label + "')";
        }
        return null;
    }

    private static String aLabel(String label) {
        String rest = label.substring(4);
        if (rest.isEmpty() || !rest.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
            return "has an invalid A-label '" + label + "'";
        }
        String decoded;
        try {
            decoded = Punycode.decode(label.substring(4));
        } catch (IllegalArgumentException e) {
            return "has an invalid A-label '" + label + "' (" + e.getMessage() + ")";
        }
        if (decoded.isEmpty() || isAscii(decoded) || !Punycode.encode(decoded).equals(label.substring(4))) {
            return "has an invalid A-label '" + label + "' (not the Punycode of a U-label)";
        }
        String problem = uLabel(decoded);
        return problem == null ? null : "has an invalid A-label '" + label + "': its U-label " + problem.substring(4);
    }

    private static String uLabel(String label) {
        if (!Normalizer.isNormalized(label, Normalizer.Form.NFC)) {
            return "has a domain label that is not in Unicode normal form C";
        }
        String hyphens = hyphens(label);
        if (hyphens != null) {
            return hyphens;
        }
        int first = label.codePointAt(0);
        if (isMark(first)) {
            return "has a domain label that starts with a combining mark: " + CharacterNames.describe(first);
        }
        return label.codePoints().filter(cp -> !pvalid(cp)).mapToObj(cp -> "has a code point not allowed by IDNA 2008: "
                + CharacterNames.describe(cp)).findFirst().orElse(null);
    }

    /** RFC 5892 §3 derivation, as far as the JDK's Unicode data carries it. */
    private static boolean pvalid(int cp) {
        if (cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp == '-') {
            return true;
        }
        if (cp < 0x80) {
            return false;
        }
        int type = Character.getType(cp);
        boolean letterDigit = type == Character.LOWERCASE_LETTER || type == Character.OTHER_LETTER
                || type == Character.MODIFIER_LETTER || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER;
        if (!letterDigit) {
            return false;
        }
        String s = Character.toString(cp);
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.equals(s) || cp == 0x00DF || cp == 0x03C2;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
