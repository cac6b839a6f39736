package com.superkabe.cli;

import com.superkabe.events.Headers;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A record's headers as read-only maps in the record's header order: the value bytes as read, their
 * text decoded only when asked (ADR 0062). A replay reads a handful of headers of most records and
 * none of many; decoding every value into a string and filling two hash maps per record cost the
 * reading thread about a third of its time and doubled what the merge buffers keep alive. Keys the
 * envelope names are held as the shared constants, so a buffered record keeps no key strings of
 * its own. When a key repeats, the maps say what a map filled in header order says: the key at its
 * first place with its last value.
 */
final class RecordHeaderView extends AbstractMap<String, String> {

    private static final String[] KNOWN = {Headers.SPEC_VERSION, Headers.ID, Headers.TYPE, Headers.SOURCE,
        Headers.SUBJECT, Headers.TIME, Headers.CONTENT_TYPE, Headers.ORG_ID, Headers.CAUSATION_ID,
        Headers.CORRELATION_ID, Headers.LOGICAL_TIME};

    private final String[] keys;
    private final byte[][] values;
    private final String[] text;
    private final Raw raw = new Raw();
    private Set<Map.Entry<String, String>> entries;

    private RecordHeaderView(String[] keys, byte[][] values) {
        this.keys = keys;
        this.values = values;
        this.text = new String[keys.length];
    }

    /** Takes the arrays (not copied); repeated keys are folded as a map filled in this order would fold them. */
    static RecordHeaderView of(String[] keys, byte[][] values, int count) {
        for (int i = 0; i < count; i++) {
            keys[i] = canonical(keys[i]);
        }
        int kept = count;
        for (int i = 1; i < count && kept == count; i++) {
            for (int j = 0; j < i; j++) {
                if (same(keys[j], keys[i])) {
                    kept = -1;
                    break;
                }
            }
        }
        if (kept == count) {
            return new RecordHeaderView(count == keys.length ? keys : java.util.Arrays.copyOf(keys, count),
                    count == values.length ? values : java.util.Arrays.copyOf(values, count));
        }
        // a repeated key: first place, last value
        String[] k = new String[count];
        byte[][] v = new byte[count][];
        int n = 0;
        outer:
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < n; j++) {
                if (same(k[j], keys[i])) {
                    v[j] = values[i];
                    continue outer;
                }
            }
            k[n] = keys[i];
            v[n++] = values[i];
        }
        return new RecordHeaderView(java.util.Arrays.copyOf(k, n), java.util.Arrays.copyOf(v, n));
    }

    private static String canonical(String key) {
        for (String k : KNOWN) {
            if (k.equals(key)) {
                return k;
            }
        }
        return key;
    }

    private static boolean same(String a, String b) {
        return a == b || a.equals(b);
    }

    private int index(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private String text(int i) {
        String t = text[i];
        if (t == null && values[i] != null) {
            t = new String(values[i], StandardCharsets.UTF_8);
            text[i] = t;
        }
        return t;
    }

    /** The same headers with the value bytes as read. */
    Map<String, byte[]> raw() {
        return raw;
    }

    @Override
    public String get(Object key) {
        int i = index(key);
        return i < 0 ? null : text(i);
    }

    @Override
    public String getOrDefault(Object key, String fallback) {
        int i = index(key);
        return i < 0 ? fallback : text(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return index(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        if (entries == null) {
            entries = new Entries<>(this::text);
        }
        return entries;
    }

    private final class Raw extends AbstractMap<String, byte[]> {
        private Set<Map.Entry<String, byte[]>> entries;

        @Override
        public byte[] get(Object key) {
            int i = index(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return index(key) >= 0;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Set<Map.Entry<String, byte[]>> entrySet() {
            if (entries == null) {
                entries = new Entries<>(i -> values[i]);
            }
            return entries;
        }
    }

    private final class Entries<V> extends AbstractSet<Map.Entry<String, V>> {
        private final java.util.function.IntFunction<V> value;

        Entries(java.util.function.IntFunction<V> value) {
            this.value = value;
        }

        @Override
        public Iterator<Map.Entry<String, V>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < keys.length;
                }

                @Override
                public Map.Entry<String, V> next() {
                    if (next >= keys.length) {
                        throw new NoSuchElementException();
                    }
                    int i = next++;
                    return new SimpleImmutableEntry<>(keys[i], value.apply(i));
                }
            };
        }

        @Override
        public int size() {
            return keys.length;
        }
    }
}
