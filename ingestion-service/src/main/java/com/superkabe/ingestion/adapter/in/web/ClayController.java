package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.ClayWebhook;
import com.superkabe.ingestion.application.FieldMapper;
import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.ingestion.application.Submission;
import com.superkabe.ingestion.config.IngestionProperties;
import com.superkabe.ingestion.domain.LeadCandidate;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Clay webhook: flat JSON rows (one object, or an array) with user-named keys, mapped tolerantly.
 * The API key names the organization (an {@code x-organization-id} header, if sent, must match);
 * the HMAC signature proves the body came from the organization's Clay table. {@code lead_score}
 * defaults to 50 when the row has none (APII).
 */
@RestController
class ClayController {

    private static final int DEFAULT_LEAD_SCORE = 50;

    private final ClayWebhook webhook;
    private final IntakeService intake;
    private final TransactionTemplate tx;
    private final IngestionProperties.Limits limits;

    ClayController(ClayWebhook webhook, IntakeService intake, TransactionTemplate tx, IngestionProperties props) {
        this.webhook = webhook;
        this.intake = intake;
        this.tx = tx;
        this.limits = props.limits();
    }

    @PostMapping("/api/v1/integrations/clay/secret")
    ResponseEntity<Map<String, String>> rotate(OrgId org) {
        try {
            String secret = webhook.rotate(org.value());
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("secret", secret, "signature",
                    "X-Clay-Signature: sha256=hex(HMAC-SHA256(secret, X-Clay-Timestamp + \".\" + body))"));
        } catch (ClayWebhook.Refused e) {
            throw new ApiProblem(HttpStatus.CONFLICT, null, e.getMessage());
        }
    }

    @PostMapping(path = "/api/v1/ingest/clay", consumes = "application/json")
    ResponseEntity<?> ingest(OrgId org, @RequestBody(required = false) byte[] body,
                             @RequestHeader(name = "X-Clay-Timestamp", required = false) String timestamp,
                             @RequestHeader(name = "X-Clay-Signature", required = false) String signature,
                             @RequestHeader(name = "x-organization-id", required = false) String claimedOrg) {
        if (claimedOrg != null && !claimedOrg.equals(org.value())) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "x-organization-id",
                    "x-organization-id does not match the organization of the API key");
        }
        if (body != null && body.length > limits.jsonMaxBytes().toBytes()) {
            throw JsonBodies.tooLarge(limits.jsonMaxBytes().toBytes());
        }
        try {
            webhook.verify(org.value(), timestamp, signature, body == null ? new byte[0] : body);
        } catch (ClayWebhook.Refused e) {
            throw new ApiProblem(e.configuration() ? HttpStatus.CONFLICT : HttpStatus.UNAUTHORIZED, "X-Clay-Signature",
                    e.getMessage());
        }
        JsonNode json = JsonBodies.parse(body, limits.jsonMaxBytes().toBytes());
        List<JsonNode> rows = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(rows::add);
        } else {
            rows.add(json);
        }
        if (rows.size() > limits.batchMaxItems()) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, null, "At most " + limits.batchMaxItems() + " rows per call");
        }
        List<LeadCandidate> leads = new ArrayList<>();
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw ApiProblem.invalid("body", "Each Clay row must be a flat JSON object");
            }
            leads.add(candidate(org.value(), row));
        }
        String id = org.value() + "/" + signature.strip();
        List<Submission> out = tx.execute(s -> intake.submitAll(leads, "clay", id));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Map<String, Object> item = LeadJson.item(i, leads.get(i).email(), out.get(i));
            item.put("assignedCampaignId", leads.get(i).campaignId());
            items.add(item);
        }
        if (!json.isArray() && out.getFirst() instanceof Submission.Rejected r) {
            // a refusal is a problem like every other (docs/problems.md#unprocessable-content), naming the fields
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    "The lead was rejected: " + String.join("; ", r.reasons().stream().map(x -> x.detail()).toList()));
            pd.setTitle("Lead rejected by the ingestion gate");
            pd.setProperty("errors", LeadJson.errors(r.reasons()));
            pd.setProperty("email", leads.getFirst().email());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(pd);
        }
        if (!json.isArray()) {
            Map<String, Object> single = items.getFirst();
            single.put("message", "Lead " + String.valueOf(single.get("status")).toLowerCase());
            return ResponseEntity.status(switch (out.getFirst()) {
                case Submission.Accepted a -> HttpStatus.CREATED;
                case Submission.Enrolled e -> HttpStatus.ACCEPTED;
                case Submission.Duplicate d -> HttpStatus.OK;
                case Submission.Rejected r -> throw new IllegalStateException("answered as a problem above");
            })
                    .body(single);
        }
        return ResponseEntity.ok(BatchReport.of(items));
    }

    private static LeadCandidate candidate(String orgId, JsonNode row) {
        List<String> keys = new ArrayList<>();
        row.properties().forEach(e -> keys.add(e.getKey()));
        Map<String, String> bySource = FieldMapper.resolve(keys, Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        bySource.forEach((source, field) -> {
            JsonNode v = row.get(source);
            if (v != null && !v.isNull() && v.isValueNode()) {
                String text = v.asString();
                if (text.length() > FieldMapper.MAX_TEXT) {
                    throw ApiProblem.invalid(source, source + ": has " + text.length() + " characters; a lead's text "
                            + "holds at most " + FieldMapper.MAX_TEXT);
                }
                values.put(field, text);
            }
        });
        return FieldMapper.toCandidate(orgId, values, DEFAULT_LEAD_SCORE);
    }
}
