package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.LeadCandidate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps user-named columns and keys (CSV headers, Clay's flat rows) to lead fields tolerantly:
 * case, spaces and punctuation are ignored ("E-mail", "Work Email", "first_name" all match) and
 * common synonyms are known. An explicit mapping (field → source name) wins over the guesses.
 */
public final class FieldMapper {

    public static final List<String> FIELDS = List.of("email", "firstName", "lastName", "company", "title",
            "leadScore", "campaignId");

    /**
     * The longest text a lead field may arrive with, whatever the channel. The intake rules refuse
     * far shorter values (names 256, an address's parts 64 and 253), and their refusal is published as
     * LeadRejected with the address as given; LeadIntakeChecked carries every field. Text of a
     * megabyte made those records larger than the broker takes (1 MiB), and the outbox relay retried
     * the first of them forever. Longer text is refused where it arrives, before any event.
     */
    public static final int MAX_TEXT = 10_000;

    private static final Map<String, String> SYNONYMS = new LinkedHashMap<>();

    static {
        syn("email", "email", "emailaddress", "workemail", "businessemail", "professionalemail", "mail",
                "emailid", "contactemail", "workemailaddress", "primaryemail");
        syn("firstName", "firstname", "first", "givenname", "fname", "forename");
        syn("lastName", "lastname", "last", "surname", "familyname", "lname");
        syn("company", "company", "companyname", "organization", "organisation", "account", "accountname",
                "employer", "org");
        syn("title", "title", "jobtitle", "position", "role", "persona", "jobrole");
        syn("leadScore", "score", "leadscore");
        syn("campaignId", "campaign", "campaignid");
    }

    private FieldMapper() {
    }

    private static void syn(String field, String... keys) {
        for (String k : keys) {
            SYNONYMS.put(k, field);
        }
    }

    public static String normaliseKey(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Which field each source name feeds: the explicit mapping first (field → source name), then
     * synonyms for fields not yet mapped; returns source name → field.
     */
    public static Map<String, String> resolve(List<String> sourceNames, Map<String, String> explicit) {
        Map<String, String> bySource = new LinkedHashMap<>();
        Map<String, String> taken = new LinkedHashMap<>();
        explicit.forEach((field, source) -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("mapping names an unknown field '" + field + "' (known: " + FIELDS + ")");
            }
            String match = sourceNames.stream().filter(s -> normaliseKey(s).equals(normaliseKey(source))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("mapping for '" + field + "': no column named '"
                            + source + "'"));
            bySource.put(match, field);
            taken.put(field, match);
        });
        for (String source : sourceNames) {
            String field = SYNONYMS.get(normaliseKey(source));
            if (field != null && !taken.containsKey(field) && !bySource.containsKey(source)) {
                bySource.put(source, field);
                taken.put(field, source);
            }
        }
        return bySource;
    }

    /** A candidate from field values; a non-numeric score is kept as an out-of-range one so the gate names it. */
    public static LeadCandidate toCandidate(String orgId, Map<String, String> values, Integer defaultScore) {
        String score = blankToNull(values.get("leadScore"));
        Integer leadScore = defaultScore;
        if (score != null) {
            try {
                double d = Double.parseDouble(score);
                // out of an int's range, (int) of the rounded long wrapped: 4294967346 became 50 and was kept;
                // NaN rounded to 0. Either is no score: -1 lets the intake rules refuse it, naming leadScore.
                leadScore = Double.isFinite(d) && Math.abs(d) <= Integer.MAX_VALUE ? (int) Math.round(d) : -1;
            } catch (NumberFormatException e) {
                leadScore = -1;
            }
        }
        return new LeadCandidate(orgId, blankToNull(values.get("email")), blankToNull(values.get("firstName")),
                blankToNull(values.get("lastName")), blankToNull(values.get("company")),
                blankToNull(values.get("title")), blankToNull(values.get("campaignId")), leadScore);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
