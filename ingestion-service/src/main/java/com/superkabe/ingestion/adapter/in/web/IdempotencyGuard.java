package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.IdempotentRequests;
import com.superkabe.kit.web.ApiProblem;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Idempotency-Key: the first answer to (organization, key) is stored and replayed for a retry with
 * the same body (header {@code Idempotent-Replayed: true}); the same key with a different body is
 * a 422 problem. Without a key every call is processed (dedupe by address still applies).
 */
@Component
class IdempotencyGuard {

    private final IdempotentRequests store;

    IdempotencyGuard(IdempotentRequests store) {
        this.store = store;
    }

    ResponseEntity<?> once(String orgId, String key, byte[] body, Supplier<ResponseEntity<?>> call) {
        if (key == null || key.isBlank()) {
            return call.get();
        }
        if (key.length() > 256) {
            throw ApiProblem.invalid("Idempotency-Key", "Idempotency-Key must be at most 256 characters");
        }
        String hash = JsonBodies.sha256(body);
        var previous = store.find(orgId, key);
        if (previous.isPresent()) {
            if (!previous.get().requestHash().equals(hash)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key",
                        "Idempotency-Key '" + key + "' was already used with a different request body");
            }
            boolean problem = previous.get().status() >= 400;
            return ResponseEntity.status(previous.get().status()).header("Idempotent-Replayed", "true")
                    .contentType(problem ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
                    .body(previous.get().body());
        }
        ResponseEntity<?> answer = call.get();
        store.save(orgId, key, new IdempotentRequests.Stored(hash, answer.getStatusCode().value(),
                JsonBodies.write(answer.getBody())));
        return answer;
    }
}
