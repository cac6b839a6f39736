package com.superkabe.protection.adapter.out.jdbc;

import com.superkabe.protection.domain.ComplaintWindow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A complaint window as stored: the tick its own rate counts from (8 bytes), then per day 16 bytes
 * (day, sends, complaints), oldest first.
 */
final class ComplaintDays {

    private static final int DAY_BYTES = 16;

    private ComplaintDays() {
    }

    static byte[] encode(ComplaintWindow w) {
        ByteBuffer b = ByteBuffer.allocate(8 + w.days().size() * DAY_BYTES);
        b.putLong(w.since());
        for (ComplaintWindow.Day d : w.days()) {
            b.putLong(d.day()).putInt(d.sends()).putInt(d.complaints());
        }
        return b.array();
    }

    static ComplaintWindow decode(byte[] bytes) {
        if (bytes == null || bytes.length < 8) {
            return ComplaintWindow.EMPTY;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long since = b.getLong();
        List<ComplaintWindow.Day> days = new ArrayList<>(bytes.length / DAY_BYTES);
        while (b.remaining() >= DAY_BYTES) {
            days.add(new ComplaintWindow.Day(b.getLong(), b.getInt(), b.getInt()));
        }
        return ComplaintWindow.of(days, since);
    }
}
