package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.ingestion.application.Enrolments;
import com.superkabe.ingestion.application.Leads;
import com.superkabe.ingestion.application.Submission;
import com.superkabe.ingestion.config.IngestionProperties;
import com.superkabe.ingestion.domain.LeadCandidate;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * REST intake, judged synchronously so the caller learns each verdict. A JSON object is one lead
 * (201 accepted, 200 duplicate, 400 problem when rejected); a JSON array (or {"leads": [...]}) is a
 * batch of up to {@code limits.batch-max-items} with a per-item report. An Idempotency-Key replays
 * the first answer for the same body.
 */
@RestController
@RequestMapping("/api/v1/leads")
class LeadController {

    private final IntakeService intake;
    private final Leads leads;
    private final Enrolments enrolments;
    private final TransactionTemplate tx;
    private final IdempotencyGuard idempotency;
    private final IngestionProperties.Limits limits;

    LeadController(IntakeService intake, Leads leads, Enrolments enrolments, TransactionTemplate tx,
                   IdempotencyGuard idempotency, IngestionProperties props) {
        this.enrolments = enrolments;
        this.intake = intake;
        this.leads = leads;
        this.tx = tx;
        this.idempotency = idempotency;
        this.limits = props.limits();
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<?> submit(OrgId org, @RequestBody(required = false) byte[] body,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        JsonNode json = JsonBodies.parse(body, limits.jsonMaxBytes().toBytes());
        return idempotency.once(org.value(), idempotencyKey, body, () -> {
            String requestId = idempotencyKey != null ? org.value() + "/" + idempotencyKey : UUID.randomUUID().toString();
            if (json.isArray() || (json.isObject() && json.has("leads") && json.get("leads").isArray())) {
                com.superkabe.kit.web.StrictJson.onlyFields(json, "", "leads");
                return batch(org.value(), json.isArray() ? json : json.get("leads"), requestId);
            }
            return single(org.value(), json, requestId);
        });
    }

    private ResponseEntity<?> single(String orgId, JsonNode json, String requestId) {
        LeadJson.Parsed parsed = LeadJson.parse(orgId, json);
        if (parsed.lead() == null) {
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ",
                    parsed.errors().stream().map(e -> e.detail()).toList()));
            pd.setTitle("Invalid lead");
            pd.setProperty("errors", LeadJson.errors(parsed.errors()));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
        Submission result = tx.execute(s -> intake.submitAll(List.of(parsed.lead()), "api", requestId)).getFirst();
        return switch (result) {
            case Submission.Accepted a -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("leadId", a.leadId());
                view.put("status", "ACCEPTED");
                view.put("health", a.health());
                view.put("score", a.score());
                if (!a.warnings().isEmpty()) {
                    view.put("warnings", LeadJson.errors(a.warnings()));
                }
                yield ResponseEntity.status(HttpStatus.CREATED).body(view);
            }
            case Submission.Duplicate d -> ResponseEntity.ok(Map.of("leadId", d.leadId(), "status", "DUPLICATE"));
            case Submission.Enrolled e -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("leadId", e.leadId(),
                    "status", "ENROLLED", "campaignId", e.campaignId()));
            case Submission.Rejected r -> {
                ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The lead was rejected: "
                        + String.join("; ", r.reasons().stream().map(x -> x.detail()).toList()));
                pd.setTitle("Lead rejected by the ingestion gate");
                pd.setProperty("errors", LeadJson.errors(r.reasons()));
                yield ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
            }
        };
    }

    private ResponseEntity<?> batch(String orgId, JsonNode items, String requestId) {
        if (items.size() > limits.batchMaxItems()) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, null, "A batch holds at most " + limits.batchMaxItems()
                    + " leads; this one has " + items.size());
        }
        List<Map<String, Object>> results = new ArrayList<>(items.size());
        List<LeadCandidate> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            LeadJson.Parsed p = LeadJson.parse(orgId, items.get(i));
            results.add(p.lead() == null ? LeadJson.item(i, text(items.get(i)), new Submission.Rejected(p.errors())) : null);
            if (p.lead() != null) {
                valid.add(p.lead());
                validIndex.add(i);
            }
        }
        List<Submission> outcomes = valid.isEmpty() ? List.of()
                : tx.execute(s -> intake.submitAll(valid, "api", requestId));
        for (int k = 0; k < outcomes.size(); k++) {
            results.set(validIndex.get(k), LeadJson.item(validIndex.get(k), valid.get(k).email(), outcomes.get(k)));
        }
        return ResponseEntity.ok(BatchReport.of(results));
    }

    private static String text(JsonNode item) {
        JsonNode e = item == null ? null : item.get("email");
        return e != null && e.isString() ? e.asString() : null;
    }

    @GetMapping("/{leadId}")
    Map<String, Object> get(OrgId org, @PathVariable String leadId) {
        Leads.Lead l = leads.find(org.value(), leadId).orElseThrow(() -> ApiProblem.notFound("Lead", leadId));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("leadId", l.leadId());
        view.put("email", l.email());
        view.put("firstName", l.firstName());
        view.put("lastName", l.lastName());
        view.put("company", l.company());
        view.put("title", l.title());
        view.put("campaignId", l.campaignId());
        view.put("health", l.health());
        view.put("score", l.score());
        view.put("leadScore", l.leadScore());
        view.put("status", l.status());
        view.put("statusReason", l.statusReason());
        view.put("suppressed", "BOUNCED".equals(l.status()) || "UNSUBSCRIBED".equals(l.status()));
        view.put("replied", l.replied());
        view.put("channel", l.channel());
        view.put("enrolments", enrolments.ofLead(l.leadId()).stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("campaignId", e.campaignId());
            m.put("status", e.status());
            m.put("statusReason", e.statusReason());
            m.put("channel", e.channel());
            m.put("requestedAt", e.requestedAt().toString());
            return m;
        }).toList());
        return view;
    }
}
