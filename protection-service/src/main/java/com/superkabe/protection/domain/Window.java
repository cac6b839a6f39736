package com.superkabe.protection.domain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The last {@code capacity} windowed outcomes of a mailbox, oldest first: 0 for a clean send, the
 * recipient ESP's code (positive) for a counted bounce, {@link #SENDER_REJECTION} for a send the
 * receiver refused because of the sender. Count-based windows ("3 bounces within the last
 * 60 sends") are read from its tail. Immutable.
 */
public final class Window {

    /** The entry of a sender rejection; never an ESP code (those are positive). */
    static final byte SENDER_REJECTION = -1;

    private final byte[] entries;
    private final int capacity;

    private Window(byte[] entries, int capacity) {
        this.entries = entries;
        this.capacity = capacity;
    }

    public static Window empty(int capacity) {
        return new Window(new byte[0], capacity);
    }

    public static Window of(byte[] entries, int capacity) {
        byte[] e = entries.length > capacity ? Arrays.copyOfRange(entries, entries.length - capacity, entries.length)
                : entries.clone();
        return new Window(e, capacity);
    }

    public Window append(byte entry) {
        int keep = Math.min(entries.length, capacity - 1);
        byte[] next = new byte[keep + 1];
        System.arraycopy(entries, entries.length - keep, next, 0, keep);
        next[keep] = entry;
        return new Window(next, capacity);
    }

    public Window clean() {
        return append((byte) 0);
    }

    public Window bounce(RecipientEsp esp) {
        return append(esp.code());
    }

    public Window senderRejection() {
        return append(SENDER_REJECTION);
    }

    /** Sender rejections among the last {@code last} windowed outcomes. */
    public int senderRejections(int last) {
        int n = 0;
        for (int i = Math.max(0, entries.length - last); i < entries.length; i++) {
            if (entries[i] == SENDER_REJECTION) {
                n++;
            }
        }
        return n;
    }

    /** Counted bounces among the last {@code last} windowed outcomes. */
    public int bounces(int last) {
        int n = 0;
        for (int i = Math.max(0, entries.length - last); i < entries.length; i++) {
            if (entries[i] > 0) {
                n++;
            }
        }
        return n;
    }

    /** Counted bounces per recipient ESP among the last {@code last} outcomes. */
    public Map<RecipientEsp, Integer> bouncesByEsp(int last) {
        Map<RecipientEsp, Integer> by = new EnumMap<>(RecipientEsp.class);
        for (int i = Math.max(0, entries.length - last); i < entries.length; i++) {
            if (entries[i] > 0) {
                by.merge(RecipientEsp.ofCode(entries[i]), 1, Integer::sum);
            }
        }
        return by;
    }

    public int size() {
        return entries.length;
    }

    public int capacity() {
        return capacity;
    }

    public byte[] toBytes() {
        return entries.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Window w && w.capacity == capacity && Arrays.equals(w.entries, entries);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(entries) + capacity;
    }

    @Override
    public String toString() {
        return "Window" + Arrays.toString(entries);
    }
}
