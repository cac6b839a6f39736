package com.superkabe.ingestion.domain;

/**
 * RFC 3492 Punycode, the encoding of IDNA A-labels ({@code xn--} + Punycode of the U-label), written
 * from the RFC's pseudo-code. {@link #decode} refuses what the RFC calls a failure (a non-basic code
 * point before the delimiter, a bad digit, a truncated number, an overflow, a result outside Unicode).
 */
final class Punycode {

    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {
    }

    /** Decodes the part after {@code xn--}; throws {@link IllegalArgumentException} when it is not Punycode. */
    static String decode(String input) {
        int delimiter = input.lastIndexOf('-');
        StringBuilder basic = new StringBuilder();
        int in = 0;
        if (delimiter > 0) {
            for (int j = 0; j < delimiter; j++) {
                char c = input.charAt(j);
                if (c >= 0x80) {
                    throw new IllegalArgumentException("non-basic code point before the delimiter");
                }
                basic.append(c);
            }
            in = delimiter + 1;
        }
        int[] out = basic.codePoints().toArray();
        int size = out.length;
        int n = INITIAL_N;
        int bias = INITIAL_BIAS;
        long i = 0;
        while (in < input.length()) {
            long oldi = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                if (in >= input.length()) {
                    throw new IllegalArgumentException("truncated Punycode");
                }
                int digit = digit(input.charAt(in++));
                i += digit * w;
                if (i > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("Punycode overflow");
                }
                int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
                if (digit < t) {
                    break;
                }
                w *= BASE - t;
                if (w > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("Punycode overflow");
                }
            }
            bias = adapt((int) (i - oldi), size + 1, oldi == 0);
            long next = n + i / (size + 1);
            if (next > Character.MAX_CODE_POINT || (next >= 0xD800 && next <= 0xDFFF)) {
                throw new IllegalArgumentException("Punycode decodes outside Unicode scalar values");
            }
            n = (int) next;
            i %= size + 1;
            if (size == out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(8, out.length * 2));
            }
            System.arraycopy(out, (int) i, out, (int) i + 1, size - (int) i);
            out[(int) i] = n;
            size++;
            i++;
        }
        return new String(out, 0, size);
    }

    /** Encodes a label (any code points) as Punycode, without the {@code xn--} prefix. */
    static String encode(String label) {
        int[] input = label.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int c : input) {
            if (c < 0x80) {
                out.append((char) c);
            }
        }
        int basic = out.length();
        int handled = basic;
        if (basic > 0) {
            out.append('-');
        }
        int n = INITIAL_N;
        long delta = 0;
        int bias = INITIAL_BIAS;
        while (handled < input.length) {
            int m = Integer.MAX_VALUE;
            for (int c : input) {
                if (c >= n && c < m) {
                    m = c;
                }
            }
            delta += (long) (m - n) * (handled + 1);
            n = m;
            for (int c : input) {
                if (c < n) {
                    delta++;
                }
                if (c == n) {
                    long q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
                        if (q < t) {
                            break;
                        }
                        out.append(digitChar((int) (t + (q - t) % (BASE - t))));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digitChar((int) q));
                    bias = adapt((int) delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return out.toString();
    }

    private static int adapt(int delta, int points, boolean first) {
        int d = first ? delta / DAMP : delta / 2;
        d += d / points;
        int k = 0;
        while (d > ((BASE - TMIN) * TMAX) / 2) {
            d /= BASE - TMIN;
            k += BASE;
        }
        return k + (BASE - TMIN + 1) * d / (d + SKEW);
    }

    private static int digit(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        throw new IllegalArgumentException("'" + c + "' is not a Punycode digit");
    }

    private static char digitChar(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }
}
