package com.superkabe.protection.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.protection.application.OperatorService;
import com.superkabe.protection.application.ProtectionQueries;
import com.superkabe.protection.domain.Mode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organization's protection mode: OBSERVE, SUGGEST or ENFORCE. */
@RestController
@RequestMapping("/api/v1/protection/mode")
class ModeController {

    private final ProtectionQueries queries;
    private final OperatorService operators;

    ModeController(ProtectionQueries queries, OperatorService operators) {
        this.queries = queries;
        this.operators = operators;
    }

    record ModeView(String mode) {
    }

    record ModeRequest(String mode, String reason) {
    }

    @GetMapping
    ModeView get(OrgId org) {
        return new ModeView(queries.mode(org.value()).name());
    }

    @PutMapping
    ModeView set(OrgId org, @RequestBody ModeRequest body, HttpServletRequest request) {
        // the reason travels in ProtectionModeChanged: unbounded, it could outgrow the broker's record limit
        if (body.reason() != null && body.reason().length() > 1000) {
            throw ApiProblem.invalid("reason", "reason must be at most 1000 characters");
        }
        Mode mode = Mode.parse(body.mode()).orElseThrow(() -> ApiProblem.invalid("mode",
                "mode must be OBSERVE, SUGGEST or ENFORCE"));
        return new ModeView(operators.setMode(org.value(), mode, body.reason(), Requests.actor(request)).name());
    }
}
