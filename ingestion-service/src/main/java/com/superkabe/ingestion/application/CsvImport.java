package com.superkabe.ingestion.application;

import com.superkabe.events.lead.LeadRejected;
import com.superkabe.ingestion.domain.LeadCandidate;
import com.superkabe.kit.web.PlainText;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A CSV upload, streamed: rows are mapped by header and submitted in chunks of {@value #CHUNK},
 * each chunk its own transaction, so memory stays flat for a 1M-row file and every good row
 * before a failure is kept. The report counts every row and lists rejected and duplicate rows by
 * row number (header = row 1), up to {@value #MAX_DETAILS} of each.
 */
public class CsvImport {

    static final int CHUNK = 1000;
    static final int MAX_DETAILS = 10_000;

    private final IntakeService intake;
    private final TransactionTemplate tx;

    public CsvImport(IntakeService intake, TransactionTemplate tx) {
        this.intake = intake;
        this.tx = tx;
    }

    /** Thrown when the header has no email column (nothing was stored). */
    public static final class NoEmailColumn extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NoEmailColumn(String message) {
            super(message);
        }
    }

    public Map<String, Object> run(String orgId, BufferedReader reader, Map<String, String> mapping, String uploadId) {
        CsvRecords records = new CsvRecords(reader);
        CsvRecords.Record header = records.next();
        if (header == null || header.error() != null) {
            throw new NoEmailColumn("The CSV has no readable header row");
        }
        Map<String, String> bySource = FieldMapper.resolve(header.fields(), mapping);
        if (!bySource.containsValue("email")) {
            throw new NoEmailColumn("No column maps to email (headers: " + header.fields()
                    + "); name one, e.g. mapping={\"email\":\"Work Mail\"}");
        }
        Report report = new Report(bySource);
        List<LeadCandidate> chunk = new ArrayList<>(CHUNK);
        List<Long> rows = new ArrayList<>(CHUNK);
        for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
            String problem = r.error() != null ? r.error() : r.fields().size() != header.fields().size()
                    ? "has " + r.fields().size() + " columns, the header has " + header.fields().size() : null;
            if (problem == null) {
                problem = invalidText(r.fields());
            }
            LeadRejected.Reason control = problem == null ? controlCharacter(r, header.fields(), bySource) : null;
            if (control != null) {
                report.rejected(r.row(), null, List.of(control));
                continue;
            }
            if (problem != null) {
                report.rejected(r.row(), null, List.of(new LeadRejected.Reason("csv", "row", "row " + r.row() + " "
                        + problem)));
                continue;
            }
            chunk.add(candidate(orgId, header.fields(), r.fields(), bySource));
            rows.add(r.row());
            if (chunk.size() == CHUNK) {
                flush(chunk, rows, uploadId, report);
            }
        }
        flush(chunk, rows, uploadId, report);
        return report.toMap();
    }

    private static String invalidText(List<String> fields) {
        for (String f : fields) {
            if (f.indexOf('\uFFFD') >= 0) {
                return "is not valid UTF-8";
            }
            if (f.length() > FieldMapper.MAX_TEXT) {
                return "has a cell of " + f.length() + " characters; a cell holds at most " + FieldMapper.MAX_TEXT;
            }
        }
        return null;
    }

    /** A cell PostgreSQL would refuse (NUL) or that has no place in a lead (other C0 controls but TAB, LF, CR). */
    private static LeadRejected.Reason controlCharacter(CsvRecords.Record r, List<String> header,
                                                        Map<String, String> bySource) {
        for (int i = 0; i < r.fields().size(); i++) {
            String cell = r.fields().get(i);
            int at = PlainText.firstControl(cell);
            if (at >= 0) {
                String column = i < header.size() ? header.get(i) : "column " + (i + 1);
                String field = bySource.getOrDefault(column, column);
                return new LeadRejected.Reason("control_character", field, "row " + r.row() + " " + field + ": "
                        + PlainText.describe(cell, at));
            }
        }
        return null;
    }

    private static LeadCandidate candidate(String orgId, List<String> header, List<String> fields,
                                           Map<String, String> bySource) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String field = bySource.get(header.get(i));
            if (field != null) {
                values.put(field, fields.get(i));
            }
        }
        return FieldMapper.toCandidate(orgId, values, null);
    }

    private void flush(List<LeadCandidate> chunk, List<Long> rows, String uploadId, Report report) {
        if (chunk.isEmpty()) {
            return;
        }
        List<Submission> out = tx.execute(s -> intake.submitAll(chunk, "csv", uploadId + "/" + rows.getFirst()));
        for (int i = 0; i < out.size(); i++) {
            switch (out.get(i)) {
                case Submission.Accepted a -> report.accepted++;
                case Submission.Duplicate d -> report.duplicate(rows.get(i), chunk.get(i).email(), d.leadId());
                case Submission.Enrolled e -> report.enrolled++;
                case Submission.Rejected r -> report.rejected(rows.get(i), chunk.get(i).email(), r.reasons());
            }
        }
        chunk.clear();
        rows.clear();
    }

    private static final class Report {
        private final Map<String, String> mapping;
        long accepted;
        long enrolled;
        long rejectedCount;
        long duplicateCount;
        final List<Map<String, Object>> rejected = new ArrayList<>();
        final List<Map<String, Object>> duplicates = new ArrayList<>();

        Report(Map<String, String> mapping) {
            this.mapping = mapping;
        }

        void rejected(long row, String email, List<LeadRejected.Reason> reasons) {
            rejectedCount++;
            if (rejected.size() < MAX_DETAILS) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("row", row);
                m.put("email", email);
                m.put("errors", reasons.stream().map(x -> Map.of("field", String.valueOf(x.field()), "code", x.code(),
                        "message", x.detail())).toList());
                rejected.add(m);
            }
        }

        void duplicate(long row, String email, String leadId) {
            duplicateCount++;
            if (duplicates.size() < MAX_DETAILS) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("row", row);
                m.put("email", email);
                m.put("leadId", leadId);
                duplicates.add(m);
            }
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rows", accepted + enrolled + rejectedCount + duplicateCount);
            m.put("accepted", accepted);
            m.put("enrolled", enrolled);
            m.put("rejected", rejectedCount);
            m.put("duplicate", duplicateCount);
            Map<String, String> columns = new LinkedHashMap<>();
            mapping.forEach((source, field) -> columns.put(field, source));
            m.put("mapping", columns);
            m.put("rejectedRows", rejected);
            m.put("duplicateRows", duplicates);
            m.put("detailsTruncated", rejectedCount > MAX_DETAILS || duplicateCount > MAX_DETAILS);
            return m;
        }
    }
}
