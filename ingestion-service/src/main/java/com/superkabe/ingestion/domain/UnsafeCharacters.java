package com.superkabe.ingestion.domain;

/**
 * Code points that have no business in an address even where a grammar would let them through:
 * control characters (Cc, including CR/LF — header injection), format characters (Cf: zero-width
 * characters, bidi overrides and isolates, soft hyphen), line and paragraph separators (Zl, Zp,
 * U+2028/U+2029), every space other than U+0020 (Zs: no-break, em, ideographic …), surrogates,
 * private-use and unassigned code points, and a combining mark at the start of the local part or
 * of a domain label (it would attach to the '@' or the dot).
 */
final class UnsafeCharacters {

    private UnsafeCharacters() {
    }

    /** The first unsafe code point described for a human, or null. */
    static String find(String address) {
        int previous = '@';
        for (int i = 0; i < address.length(); ) {
            int cp = address.codePointAt(i);
            if (cp == '\r' || cp == '\n') {
                return "contains a line break (CR/LF)";
            }
            String why = unsafe(cp, previous == '@' || previous == '.');
            if (why != null) {
                return "contains an unsafe character: " + CharacterNames.describe(cp) + ", " + why;
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        return null;
    }

    private static String unsafe(int cp, boolean startOfPart) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL -> "a control character";
            case Character.FORMAT -> "an invisible format or bidi control character";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line or paragraph separator";
            case Character.SPACE_SEPARATOR -> cp == ' ' ? null : "an unusual space";
            case Character.SURROGATE -> "an unpaired surrogate";
            case Character.PRIVATE_USE -> "a private-use code point";
            case Character.UNASSIGNED -> "an unassigned code point";
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK ->
                    startOfPart ? "a combining mark with nothing to combine with" : null;
            default -> null;
        };
    }
}
