package com.superkabe.sequencer.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classic spintax: {@code {a|b|{c|d}}} picks one option per group, groups nest, an option may be
 * empty. A backslash escapes a brace, a pipe or a backslash; any other backslash is literal. A pipe
 * or a closing brace outside every group is literal text (the corpus spins a backslash-escaped
 * open brace followed by {@code test} and a bare closing brace to the literal braced word).
 * A token {@code {{firstName}}} or {@code {{company|your team}}} is left alone for
 * {@link Templates} (spintax runs first), so {@code {{{firstName}}|there}} works; the one
 * ambiguity, a group whose only option is itself a {@code {word|text}} group, is read as a token.
 * The choice is a pure function of a seed (run, step, part) and of the group's offset in the
 * template: no randomness, so a replay renders the same text. A group left open is an error
 * (fail closed), never a half-spun mail. In an HTML body, {@code <style>} elements and comments are
 * copied as they are: CSS rules ({@code p { color: red }}) and conditional comments are braces, not
 * spintax.
 */
public final class Spintax {

    /** Deeper nesting is refused: no author needs it, and unbounded recursion would overflow the stack. */
    static final int MAX_DEPTH = 32;
    private static final Pattern VERBATIM = Pattern.compile("(?is)<style\\b.*?</style\\s*>|<!--.*?-->");
    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*[a-zA-Z]+\\s*(?:\\|[^}]*)?}}");

    private Spintax() {
    }

    /** Thrown for unbalanced braces; the run fails with this message. */
    public static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private sealed interface Node {
    }

    private record Text(String text) implements Node {
    }

    private record Group(int at, List<List<Node>> options) implements Node {
    }

    /** The text chosen for {@code seed}; the same template and seed always give the same text. */
    public static String spin(String template, String seed) {
        StringBuilder out = new StringBuilder(template.length());
        List<String> kept = new ArrayList<>();
        List<String> parts = spinnable(template, kept);
        for (int k = 0; k < parts.size(); k++) {
            spin(new Parser(parts.get(k)).parse(), partSeed(seed, k), out);
            if (k < kept.size()) {
                out.append(kept.get(k));
            }
        }
        return out.toString();
    }

    /** The first part keeps the plain seed, so a template without verbatim elements spins as before. */
    private static String partSeed(String seed, int part) {
        return part == 0 ? seed : seed + "#" + part;
    }

    /** How many ways the template can be spun (saturating at {@link Long#MAX_VALUE}). */
    public static long variations(String template) {
        long total = 1;
        for (String part : spinnable(template, new ArrayList<>())) {
            long n = count(new Parser(part).parse());
            total = total > Long.MAX_VALUE / Math.max(1, n) ? Long.MAX_VALUE : total * n;
        }
        return total;
    }

    /** Throws {@link Malformed} when the template does not parse. */
    public static void check(String template) {
        for (String part : spinnable(template, new ArrayList<>())) {
            new Parser(part).parse();
        }
    }

    /** The parts of the template that are spun; {@code kept} gets the verbatim elements between them. */
    private static List<String> spinnable(String template, List<String> kept) {
        List<String> parts = new ArrayList<>();
        Matcher m = VERBATIM.matcher(template);
        int from = 0;
        while (m.find()) {
            parts.add(template.substring(from, m.start()));
            kept.add(m.group());
            from = m.end();
        }
        parts.add(template.substring(from));
        return parts;
    }

    /** A stable 64-bit hash (FNV-1a, then the SplitMix64 finalizer to spread the low bits). */
    public static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static void spin(List<Node> sequence, String seed, StringBuilder out) {
        for (Node node : sequence) {
            switch (node) {
                case Text t -> out.append(t.text());
                case Group g -> spin(g.options().get((int) Long.remainderUnsigned(hash(seed + "#" + g.at()),
                        g.options().size())), seed, out);
            }
        }
    }

    private static long count(List<Node> sequence) {
        long total = 1;
        for (Node node : sequence) {
            if (node instanceof Group g) {
                long sum = 0;
                for (List<Node> option : g.options()) {
                    sum = saturate(sum + count(option));
                }
                total = Math.multiplyHigh(total, sum) != 0 || total * sum < 0 ? Long.MAX_VALUE : total * sum;
            }
        }
        return total;
    }

    private static long saturate(long value) {
        return value < 0 ? Long.MAX_VALUE : value;
    }

    private static final class Parser {
        private final String s;
        private final Matcher token;
        private int i;
        private int depth;

        Parser(String s) {
            this.s = s;
            this.token = TOKEN.matcher(s);
        }

        List<Node> parse() {
            return sequence(false);
        }

        private List<Node> sequence(boolean inGroup) {
            List<Node> out = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() && "{}|\\".indexOf(s.charAt(i + 1)) >= 0) {
                    text.append(s.charAt(i + 1));
                    i += 2;
                } else if (c == '{' && token.region(i, s.length()).lookingAt()) {
                    text.append(token.group());
                    i = token.end();
                } else if (c == '{') {
                    flush(text, out);
                    out.add(group(i++));
                } else if ((c == '}' || c == '|') && inGroup) {
                    break;
                } else {
                    text.append(c);
                    i++;
                }
            }
            flush(text, out);
            return out;
        }

        private Group group(int at) {
            if (++depth > MAX_DEPTH) {
                throw new Malformed("spintax: groups nested deeper than " + MAX_DEPTH + " at position " + at);
            }
            List<List<Node>> options = new ArrayList<>();
            while (true) {
                options.add(sequence(true));
                if (i >= s.length()) {
                    throw new Malformed("spintax: unbalanced '{' at position " + at + " (no closing '}')");
                }
                if (s.charAt(i++) == '}') {
                    depth--;
                    return new Group(at, List.copyOf(options));
                }
            }
        }

        private static void flush(StringBuilder text, List<Node> out) {
            if (!text.isEmpty()) {
                out.add(new Text(text.toString()));
                text.setLength(0);
            }
        }
    }
}
