package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.IntakeBinding;
import com.superkabe.ingestion.domain.IntakeSignature;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues, lists and revokes intake producer keys (ADR 0043, issue #12): the API key names the
 * organization, and a key may sign intake records for that organization only. The secret is shown
 * once, at issue, and never listed. After a revocation, records signed with the key are
 * dead-lettered with the reason. Another organization's key answers as an unknown one (404).
 */
@RestController
class IntakeProducerController {

    private final IntakeBinding binding;
    private final TransactionTemplate tx;
    private final Clock clock;

    IntakeProducerController(IntakeBinding binding, TransactionTemplate tx, Clock clock) {
        this.binding = binding;
        this.tx = tx;
        this.clock = clock;
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

    @GetMapping("/api/v1/intake-producers")
    List<Map<String, Object>> list(OrgId org) {
        return binding.list(org.value()).stream().map(k -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("producerId", k.producerId());
            v.put("organizationId", k.orgId());
            v.put("createdAt", k.createdAt() == null ? null : k.createdAt().toString());
            v.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
            return v;
        }).toList();
    }

    @DeleteMapping("/api/v1/intake-producers/{producerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(OrgId org, @PathVariable String producerId) {
        if (!Boolean.TRUE.equals(tx.execute(s -> binding.revoke(org.value(), producerId, clock.instant())))) {
            throw ApiProblem.notFound("Intake producer", producerId);
        }
    }
}
