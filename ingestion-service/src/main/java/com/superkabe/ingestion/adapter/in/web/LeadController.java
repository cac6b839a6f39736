package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.IntakeService;
import com.superkabe.ingestion.application.Leads;
import com.superkabe.ingestion.application.Submission;
import com.superkabe.ingestion.domain.LeadCandidate;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import jakarta.validation.Valid;
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

/** REST intake: one lead per call, judged synchronously so the caller learns the verdict. */
@RestController
@RequestMapping("/api/v1/leads")
class LeadController {

    private final IntakeService intake;
    private final Leads leads;
    private final TransactionTemplate tx;

    LeadController(IntakeService intake, Leads leads, TransactionTemplate tx) {
        this.intake = intake;
        this.leads = leads;
        this.tx = tx;
    }

    @PostMapping
    ResponseEntity<?> submit(OrgId org, @Valid @RequestBody LeadRequest body,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String requestId = idempotencyKey != null ? org.value() + "/" + idempotencyKey : UUID.randomUUID().toString();
        LeadCandidate candidate = new LeadCandidate(org.value(), body.email(), body.firstName(), body.lastName(),
                body.company(), body.title(), body.campaignId());
        Submission result = tx.execute(s -> intake.submitViaApi(candidate, requestId));
        return switch (result) {
            case Submission.Accepted a -> ResponseEntity.status(HttpStatus.CREATED)
                    .body(Map.of("leadId", a.leadId(), "status", "ACCEPTED", "health", a.health(), "score", a.score()));
            case Submission.Duplicate d -> ResponseEntity.ok(Map.of("leadId", d.leadId(), "status", "DUPLICATE"));
            case Submission.Rejected r -> {
                ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The lead was rejected: "
                        + String.join("; ", r.reasons().stream().map(x -> x.detail()).toList()));
                pd.setTitle("Lead rejected by the ingestion gate");
                List<Map<String, String>> errors = r.reasons().stream()
                        .map(x -> Map.of("field", x.field(), "code", x.code(), "message", x.detail())).toList();
                pd.setProperty("errors", errors);
                yield ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(pd);
            }
        };
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
        view.put("status", l.status());
        view.put("channel", l.channel());
        return view;
    }
}
