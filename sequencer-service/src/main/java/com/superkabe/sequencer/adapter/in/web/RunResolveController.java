package com.superkabe.sequencer.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.application.RunCommands;
import com.superkabe.sequencer.application.OperatorInputs;
import com.superkabe.sequencer.application.RunViews;
import com.superkabe.sequencer.domain.RunView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/runs/{runId}/resolve} {@code {"action": "retry"|"skip"|"stop", "reason": …}}: an
 * operator's decision for a FAILED run, or a run PAUSED on a send whose outcome stayed unknown or that
 * every mailbox refused (ADR 0022). Accepted (202) once the
 * request is on the campaigns topic; the run changes when the sequencer's ordered input reads it back
 * (ADR 0019). {@code retry} and {@code skip} are accepted as synonyms of resend and drop.
 */
@RestController
class RunResolveController {

    private final RunViews runs;
    private final OperatorInputs operators;
    private final TransactionTemplate tx;

    RunResolveController(RunViews runs, OperatorInputs operators, TransactionTemplate tx) {
        this.runs = runs;
        this.operators = operators;
        this.tx = tx;
    }

    record ResolveRequest(@NotBlank @Size(max = 16) String action,
                          @NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/v1/runs/{runId}/resolve")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> resolve(OrgId org, @PathVariable String runId, @Valid @RequestBody ResolveRequest body) {
        if (RunCommands.resolveAction(body.action()).isEmpty()) {
            throw ApiProblem.invalid("action", "must be one of resend, drop, stop (or retry, skip)");
        }
        if (body.reason().chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw ApiProblem.invalid("reason", "must not contain control characters");
        }
        RunView run = runs.find(runId).filter(r -> r.orgId().equals(org.value()))
                .orElseThrow(() -> ApiProblem.notFound("Run", runId));
        if (!run.resolvable()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "status", "run " + runId + " is " + run.status()
                    + (run.closed() ? " and was stopped" : run.pauseCause() != null ? " (" + run.pauseCause() + ")" : "")
                    + "; only a FAILED run, or one paused on an unknown send outcome or on refusals, can be resolved");
        }
        String actor = "apikey:" + org.value();
        tx.executeWithoutResult(s -> operators.resolve(run, body.action(), actor, body.reason()));
        return Map.of("runId", runId, "action", RunCommands.resolveAction(body.action()).orElseThrow().name(),
                "status", "ACCEPTED");
    }
}
