package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.CsvRecords;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.kit.web.PlainText;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The addresses of an enrolment CSV: a header with a column named {@code email} (any case, spaces
 * around ignored, a UTF-8 BOM dropped), then one address per row. Anything malformed — no such
 * column, a broken row, invalid UTF-8, a control character in an address, more rows than allowed — is a
 * 400 problem naming {@code file}
 * (or {@code email}) and the row, so nothing is enrolled from half a file.
 */
final class EnrolmentCsv {

    record Row(long row, String email) {
    }

    private EnrolmentCsv() {
    }

    static List<Row> read(InputStream in, int maxRows) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CsvRecords records = new CsvRecords(new BufferedReader(new InputStreamReader(in, decoder)));
        try {
            CsvRecords.Record header = records.next();
            if (header == null) {
                throw ApiProblem.invalid("file", "file: the CSV is empty; give a header with an email column");
            }
            broken(header);
            int column = emailColumn(header.fields());
            List<Row> rows = new ArrayList<>();
            for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
                broken(r);
                if (rows.size() == maxRows) {
                    throw ApiProblem.invalid("file", "file: at most " + maxRows + " rows per request");
                }
                if (column >= r.fields().size()) {
                    throw ApiProblem.invalid("file", "file: row " + r.row() + " has no email field");
                }
                String email = r.fields().get(column);
                int at = PlainText.firstControlInLine(email);
                if (at >= 0) {
                    throw ApiProblem.invalid("email", "email: row " + r.row() + " " + PlainText.describe(email, at));
                }
                rows.add(new Row(r.row(), email));
            }
            return rows;
        } catch (java.io.UncheckedIOException e) {
            throw ApiProblem.invalid("file", "file: the CSV is not valid UTF-8");
        }
    }

    private static void broken(CsvRecords.Record r) {
        if (r.error() != null) {
            throw ApiProblem.invalid("file", "file: row " + r.row() + " is malformed: " + r.error());
        }
    }

    private static int emailColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (name.equals("email")) {
                return i;
            }
        }
        throw ApiProblem.invalid("email", "email: the CSV header has no column named email (it has " + header + ")");
    }
}
