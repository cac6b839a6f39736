package com.superkabe.sequencer.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.application.LeadPauses;
import com.superkabe.sequencer.application.OperatorInputs;
import com.superkabe.sequencer.application.RunViews;
import com.superkabe.sequencer.domain.RunStatus;
import com.superkabe.sequencer.domain.RunView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator's pause and resume of a run, or of every run of a lead, with a required reason (ADR 0022).
 * Checked against the read model (409 problem for a run in the wrong state), then accepted (202) once
 * the request is on the campaigns topic; the runs change when the sequencer's ordered input reads it
 * back, where a request that became invalid meanwhile is rejected and recorded on the run.
 */
@RestController
class RunControlController {

    private final RunViews runs;
    private final LeadPauses leads;
    private final OperatorInputs operators;
    private final TransactionTemplate tx;

    RunControlController(RunViews runs, LeadPauses leads, OperatorInputs operators, TransactionTemplate tx) {
        this.runs = runs;
        this.leads = leads;
        this.operators = operators;
        this.tx = tx;
    }

    record ControlRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/v1/runs/{runId}/pause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> pauseRun(OrgId org, @PathVariable String runId, @Valid @RequestBody ControlRequest body) {
        RunView run = run(org, runId, body);
        if (run.status() != RunStatus.ACTIVE && run.status() != RunStatus.WAITING) {
            throw new ApiProblem(HttpStatus.CONFLICT, "status", "run " + runId + " is " + run.status()
                    + "; only an ACTIVE or WAITING run can be paused");
        }
        if (run.inFlight()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "status", "run " + runId + " has a send in flight; pause it "
                    + "once its outcome is known");
        }
        return control(org, run, "PAUSE", body);
    }

    @PostMapping("/api/v1/runs/{runId}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> resumeRun(OrgId org, @PathVariable String runId, @Valid @RequestBody ControlRequest body) {
        RunView run = run(org, runId, body);
        if (run.status() != RunStatus.PAUSED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "status", "run " + runId + " is " + run.status()
                    + "; only a PAUSED run can be resumed");
        }
        if (run.resolvable()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "status", "run " + runId + " is paused on " + run.pauseCause()
                    + ": resolve it with POST /api/v1/runs/" + runId + "/resolve (retry, skip or stop)");
        }
        return control(org, run, "RESUME", body);
    }

    @PostMapping("/api/v1/leads/{leadId}/pause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> pauseLead(OrgId org, @PathVariable String leadId, @Valid @RequestBody ControlRequest body) {
        List<RunView> of = lead(org, leadId, body);
        if (!leads.pausedLeads(org.value(), List.of(leadId)).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "leadId", "lead " + leadId + " is already paused");
        }
        tx.executeWithoutResult(s -> operators.controlLead(org.value(), leadId, "PAUSE", "apikey:" + org.value(),
                body.reason()));
        return Map.of("leadId", leadId, "action", "PAUSE", "runs", of.size(), "status", "ACCEPTED");
    }

    @PostMapping("/api/v1/leads/{leadId}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> resumeLead(OrgId org, @PathVariable String leadId, @Valid @RequestBody ControlRequest body) {
        List<RunView> of = lead(org, leadId, body);
        if (leads.pausedLeads(org.value(), List.of(leadId)).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "leadId", "lead " + leadId + " is not paused");
        }
        tx.executeWithoutResult(s -> operators.controlLead(org.value(), leadId, "RESUME", "apikey:" + org.value(),
                body.reason()));
        return Map.of("leadId", leadId, "action", "RESUME", "runs", of.size(), "status", "ACCEPTED");
    }

    private Map<String, String> control(OrgId org, RunView run, String action, ControlRequest body) {
        tx.executeWithoutResult(s -> operators.controlRun(run, action, "apikey:" + org.value(), body.reason()));
        return Map.of("runId", run.runId(), "action", action, "status", "ACCEPTED");
    }

    private RunView run(OrgId org, String runId, ControlRequest body) {
        checkReason(body);
        return runs.find(runId).filter(r -> r.orgId().equals(org.value()))
                .orElseThrow(() -> ApiProblem.notFound("Run", runId));
    }

    /** A lead is known here by its runs; a lead with none in the caller's organization is a 404. */
    private List<RunView> lead(OrgId org, String leadId, ControlRequest body) {
        checkReason(body);
        List<RunView> of = leadId.length() > 64 ? List.of() : runs.byLead(org.value(), leadId);
        if (of.isEmpty()) {
            throw ApiProblem.notFound("Lead", leadId);
        }
        return of;
    }

    private static void checkReason(ControlRequest body) {
        if (body.reason().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw ApiProblem.invalid("reason", "must not contain control characters");
        }
    }
}
