package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.IntakeBinding;
import com.superkabe.ingestion.domain.IntakeSignature;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues intake producer keys (ADR 0043): the API key names the organization, and the new key may
 * sign intake records for that organization only. The secret is shown once.
 */
@RestController
class IntakeProducerController {

    private final IntakeBinding binding;

    IntakeProducerController(IntakeBinding binding) {
        this.binding = binding;
    }

    @PostMapping("/api/v1/intake-producers")
    ResponseEntity<Map<String, String>> issue(OrgId org) {
        try {
            IntakeBinding.Issued key = binding.issue(org.value());
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of(
                    "producerId", key.producerId(),
                    "organizationId", key.orgId(),
                    "secret", key.secret(),
                    "headers", IntakeSignature.PRODUCER_HEADER + ": <producerId>, " + IntakeSignature.SIGNATURE_HEADER
                            + ": sha256=hex(HMAC-SHA256(secret, record value bytes))"));
        } catch (IntakeBinding.Unavailable e) {
            throw new ApiProblem(HttpStatus.CONFLICT, null, e.getMessage());
        }
    }
}
