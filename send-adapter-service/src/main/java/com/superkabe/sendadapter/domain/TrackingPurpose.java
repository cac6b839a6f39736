package com.superkabe.sendadapter.domain;

/**
 * What a tracking token may be used for. The purpose is signed, so an open-pixel URL can never be
 * replayed against the unsubscribe route, nor a click token against another destination.
 */
public enum TrackingPurpose {
    OPEN('o'),
    CLICK('c'),
    UNSUBSCRIBE('u');

    private final char code;

    TrackingPurpose(char code) {
        this.code = code;
    }

    /** The one-character route segment ({@code /t/o}, {@code /t/c}, {@code /t/u}) and wire code. */
    public char code() {
        return code;
    }

    static TrackingPurpose ofCode(int code) {
        for (TrackingPurpose p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return null;
    }
}
