package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.EnrolmentService;
import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.ingestion.domain.EmailSyntax;
import com.superkabe.ingestion.domain.EnrolmentDecider.Decision;
import com.superkabe.ingestion.domain.EnrolmentDecider.Outcome;
import com.superkabe.ingestion.domain.EnrolmentDecider.Result;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.kit.web.StrictJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/campaigns/{campaignId}/enrolments}: enrols existing leads of the caller's
 * organization into its campaign, named by id ({@code {"leadIds":[…]}}) or by address (a CSV with an
 * {@code email} column, as a {@code text/csv} body or the multipart part {@code file}). 202 with a
 * result per lead and the counts; a bad request is a problem naming the field and changes nothing.
 */
@RestController
class EnrolmentController {

    /** The most leads one request may name. */
    static final int MAX_LEADS = 1_000;
    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_ID = 64;

    private final EnrolmentService enrolments;

    EnrolmentController(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    /** One named lead: its id (null when the CSV row's address cannot be a lead), and where it came from. */
    private record Target(String leadId, Long row, String email) {
    }

    // the body is required here: with both JSON and CSV bodies optional, an empty body matched both
    // handlers and Spring failed the request as ambiguous (a 500 the API fuzz test found)
    @PostMapping(path = "/api/v1/campaigns/{campaignId}/enrolments", consumes = "application/json")
    ResponseEntity<Map<String, Object>> byId(OrgId org, @PathVariable String campaignId,
                                             @RequestBody byte[] body) {
        JsonNode json = JsonBodies.parse(body, MAX_BODY);
        StrictJson.onlyFields(json, "", "leadIds");
        JsonNode ids = json.isObject() ? json.get("leadIds") : null;
        if (ids == null || !ids.isArray()) {
            throw ApiProblem.invalid("leadIds", "leadIds: give {\"leadIds\": [\"<leadId>\", …]}");
        }
        checkCount(ids.size(), "leadIds");
        List<Target> targets = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isString() || id.asString().isBlank() || id.asString().length() > MAX_ID) {
                throw ApiProblem.invalid("leadIds[" + i + "]", "leadIds[" + i + "]: must be a lead id, a non-empty "
                        + "string of at most " + MAX_ID + " characters");
            }
            targets.add(new Target(id.asString(), null, null));
        }
        return enrol(org, campaignId, targets);
    }

    @PostMapping(path = "/api/v1/campaigns/{campaignId}/enrolments", consumes = {"text/csv", "application/csv"})
    ResponseEntity<Map<String, Object>> csvBody(OrgId org, @PathVariable String campaignId,
                                                @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiProblem.invalid("file", "file: the CSV is empty; give a header with an email column");
        }
        return csv(org, campaignId, new ByteArrayInputStream(body), body.length);
    }

    @PostMapping(path = "/api/v1/campaigns/{campaignId}/enrolments", consumes = "multipart/form-data")
    ResponseEntity<Map<String, Object>> csvFile(OrgId org, @PathVariable String campaignId,
                                                @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiProblem.invalid("file", "file: attach the CSV as the multipart part 'file'");
        }
        try (InputStream in = file.getInputStream()) {
            return csv(org, campaignId, in, file.getSize());
        }
    }

    private ResponseEntity<Map<String, Object>> csv(OrgId org, String campaignId, InputStream in, long size) {
        if (size > MAX_BODY) {
            throw JsonBodies.tooLarge(MAX_BODY);
        }
        List<Target> targets = new ArrayList<>();
        for (EnrolmentCsv.Row row : EnrolmentCsv.read(in, MAX_LEADS)) {
            EmailSyntax.Result address = EmailSyntax.check(row.email(), true);
            targets.add(new Target(address.valid() ? IntakeService.leadId(org.value(), address.address()) : null,
                    row.row(), row.email()));
        }
        checkCount(targets.size(), "file");
        return enrol(org, campaignId, targets);
    }

    private static void checkCount(int count, String field) {
        if (count == 0) {
            throw ApiProblem.invalid(field, field + ": name at least one lead");
        }
        if (count > MAX_LEADS) {
            throw ApiProblem.invalid(field, field + ": at most " + MAX_LEADS + " leads per request; this one names "
                    + count);
        }
    }

    private ResponseEntity<Map<String, Object>> enrol(OrgId org, String campaignId, List<Target> targets) {
        List<String> ids = targets.stream().map(Target::leadId).filter(java.util.Objects::nonNull).toList();
        Decision decision = enrolments.enrol(org.value(), campaignId, ids);
        return switch (decision) {
            case Decision.CampaignNotFound n -> throw ApiProblem.notFound("Campaign", n.campaignId());
            case Decision.CampaignNotActive c -> throw new ApiProblem(HttpStatus.CONFLICT, "status", "Campaign '"
                    + c.campaignId() + "' is " + c.status() + "; only an ACTIVE campaign takes enrolments");
            case Decision.Decided d -> ResponseEntity.status(HttpStatus.ACCEPTED).body(report(campaignId, targets,
                    d.outcomes()));
        };
    }

    private static Map<String, Object> report(String campaignId, List<Target> targets, List<Outcome> outcomes) {
        Map<Result, Integer> counts = new java.util.EnumMap<>(Result.class);
        List<Map<String, Object>> results = new ArrayList<>(targets.size());
        int k = 0;
        for (Target t : targets) {
            Result result = t.leadId() == null ? Result.NOT_FOUND : outcomes.get(k++).result();
            counts.merge(result, 1, Integer::sum);
            Map<String, Object> m = new LinkedHashMap<>();
            if (t.row() != null) {
                m.put("row", t.row());
                m.put("email", t.email());
            }
            m.put("leadId", t.leadId());
            m.put("result", result.name());
            results.add(m);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("campaignId", campaignId);
        report.put("total", targets.size());
        for (Result r : Result.values()) {
            report.put(camel(r), counts.getOrDefault(r, 0));
        }
        report.put("results", results);
        return report;
    }

    private static String camel(Result r) {
        String[] words = r.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return sb.toString();
    }
}
