package com.superkabe.ingestion.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, never the whole file. Quoted fields may hold
 * commas, doubled quotes and line breaks. A record that cannot be parsed (a stray quote, text after
 * a closing quote, or a quoted field still open after {@value #MAX_LINES} lines) is returned as
 * broken and reading resumes on the next physical line, so one bad row never swallows the good
 * ones after it. A UTF-8 byte-order mark is dropped.
 */
public final class CsvRecords {

    private static final int MAX_LINES = 50;

    /** One record: {@code row} counts records from 1 (the header); {@code error} is set when broken. */
    public record Record(long row, long line, List<String> fields, String error) {
    }

    private final BufferedReader in;
    private final Deque<String> pushedBack = new ArrayDeque<>();
    private long row;
    private long line;
    private boolean first = true;

    public CsvRecords(BufferedReader in) {
        this.in = in;
    }

    /** The next record, or null at the end. Blank lines are skipped. */
    public Record next() {
        String start = readLine();
        while (start != null && start.isBlank()) {
            start = readLine();
        }
        if (start == null) {
            return null;
        }
        row++;
        long startLine = line;
        List<String> consumed = new ArrayList<>();
        consumed.add(start);
        StringBuilder text = new StringBuilder(start);
        while (true) {
            Parse p = parse(text);
            if (p.fields != null) {
                return new Record(row, startLine, p.fields, null);
            }
            if (p.error != null) {
                return new Record(row, startLine, List.of(), p.error);
            }
            String more = consumed.size() < MAX_LINES ? readLine() : null;
            if (more == null) {
                for (int i = consumed.size() - 1; i >= 1; i--) {
                    pushedBack.push(consumed.get(i));
                    line--;
                }
                return new Record(row, startLine, List.of(), "a quoted field is never closed");
            }
            consumed.add(more);
            text.append('\n').append(more);
        }
    }

    private record Parse(List<String> fields, String error) {
    }

    private static Parse parse(CharSequence s) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (true) {
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return new Parse(null, null);
                    }
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (i < n && s.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && s.charAt(i) != ',') {
                    return new Parse(null, "unexpected text after a closing quote in column " + (fields.size() + 1));
                }
            } else {
                while (i < n && s.charAt(i) != ',') {
                    char c = s.charAt(i++);
                    if (c == '"') {
                        return new Parse(null, "a quote inside an unquoted field in column " + (fields.size() + 1));
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                return new Parse(fields, null);
            }
            i++;
        }
    }

    private String readLine() {
        if (!pushedBack.isEmpty()) {
            line++;
            return pushedBack.pop();
        }
        try {
            String l = in.readLine();
            if (l == null) {
                return null;
            }
            line++;
            if (first) {
                first = false;
                if (!l.isEmpty() && l.charAt(0) == '\uFEFF') {
                    l = l.substring(1);
                }
            }
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
