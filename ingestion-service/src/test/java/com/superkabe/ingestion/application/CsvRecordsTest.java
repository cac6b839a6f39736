package com.superkabe.ingestion.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<CsvRecords.Record> read(String csv) {
        CsvRecords r = new CsvRecords(new BufferedReader(new StringReader(csv)));
        List<CsvRecords.Record> out = new ArrayList<>();
        for (CsvRecords.Record rec = r.next(); rec != null; rec = r.next()) {
            out.add(rec);
        }
        return out;
    }

    @Test
    void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaksAfterABom() {
        List<CsvRecords.Record> rows = read("\uFEFFE-mail,Company\r\n"
                + "ada@acme.com,\"Acme, Inc.\"\r\n"
                + "bob@acme.com,\"The \"\"Best\"\"\nCompany\"\n");

        assertThat(rows.get(0).fields()).containsExactly("E-mail", "Company");
        assertThat(rows.get(1).fields()).containsExactly("ada@acme.com", "Acme, Inc.");
        assertThat(rows.get(2).fields()).containsExactly("bob@acme.com", "The \"Best\"\nCompany");
        assertThat(rows.get(2).row()).isEqualTo(3);
    }

    @Test
    void reportsABrokenRowByNumberAndKeepsReadingTheRowsAfterIt() {
        List<CsvRecords.Record> rows = read("email,name\na@x.com,A\nb@x.com,\"B\"oops\nc@x.com,C\n"
                + "d@x.com,\"never closed\ne@x.com,E\n");

        assertThat(rows).extracting(CsvRecords.Record::row).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(rows.get(2).error()).contains("after a closing quote");
        assertThat(rows.get(3).fields()).containsExactly("c@x.com", "C");
        assertThat(rows.get(4).error()).contains("never closed");
        assertThat(rows.get(5).fields()).containsExactly("e@x.com", "E");
    }

    @Test
    void mapsHeadersTolerantlyAndLetsAnExplicitMappingWin() {
        Map<String, String> auto = FieldMapper.resolve(List.of("Work Email", "First Name", "last_name", "Company Name",
                "Job Title", "Lead Score", "Campaign"), Map.of());
        assertThat(auto).containsEntry("Work Email", "email").containsEntry("First Name", "firstName")
                .containsEntry("last_name", "lastName").containsEntry("Company Name", "company")
                .containsEntry("Job Title", "title").containsEntry("Lead Score", "leadScore")
                .containsEntry("Campaign", "campaignId");

        Map<String, String> explicit = FieldMapper.resolve(List.of("Email", "Personal Mail"),
                Map.of("email", "personal mail"));
        assertThat(explicit).containsEntry("Personal Mail", "email").doesNotContainKey("Email");
    }
}
