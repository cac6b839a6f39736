package com.superkabe.protection.adapter.in.web;

import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.protection.application.OperatorService;
import com.superkabe.protection.application.ProtectionStore;
import com.superkabe.protection.domain.Transition;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/** Shapes shared by the controllers: the transition request, audit rows, the caller's identity. */
final class Requests {

    private Requests() {
    }

    /** {@code target} and {@code reason} are required; {@code force} allows skipping safety checks. */
    record TransitionRequest(String target, String reason, Boolean force) {
        String requiredReason() {
            if (reason == null || reason.isBlank()) {
                throw ApiProblem.invalid("reason", "reason is required: every operator transition is audited with one");
            }
            if (reason.length() > 1000) {
                throw ApiProblem.invalid("reason", "reason must be at most 1000 characters");
            }
            return reason.trim();
        }

        String requiredTarget() {
            if (target == null || target.isBlank()) {
                throw ApiProblem.invalid("target", "target is required");
            }
            return target;
        }
    }

    record TransitionView(String entityType, String entityId, String from, String to, String reason, String trigger,
                          String actor, boolean forced, String warning, String mode, boolean enforced,
                          long logicalTick, Instant wallTime) {
        static TransitionView of(ProtectionStore.AuditRow r) {
            return new TransitionView(r.entityType(), r.entityId(), r.from(), r.to(), r.reason(), r.trigger(),
                    r.actor(), r.forced(), r.warning(), r.mode(), r.enforced(), r.tick(), r.wallTime());
        }

        static TransitionView of(Transition t) {
            return new TransitionView(t.entityType(), t.entityId(), t.from(), t.to(), t.reason(), t.trigger(),
                    t.actor(), t.forced(), t.warning(), null, false, t.tick(), null);
        }
    }

    /** The operator as audited: the first 12 hex digits of the API key's SHA-256, never the key. */
    static String actor(HttpServletRequest request) {
        String key = request.getHeader("X-Api-Key");
        if (key == null) {
            String auth = request.getHeader("Authorization");
            key = auth == null ? "" : auth.replaceFirst("(?i)^Bearer\\s+", "").trim();
        }
        return "apikey:" + ApiKeys.sha256(key).substring(0, 12);
    }

    static TransitionView applied(OperatorService.Outcome o) {
        if (o.rejection() != null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "target", o.rejection());
        }
        return TransitionView.of(o.transition().orElseThrow());
    }
}
