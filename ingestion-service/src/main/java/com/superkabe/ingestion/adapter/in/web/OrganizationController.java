package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.OrganizationService;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.kit.web.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoint: registers an organization and returns its API key once (only its hash is
 * kept). Guarded by {@code superkabe.admin-token}; with no token configured it refuses everything.
 */
@RestController
class OrganizationController {

    record NewOrganization(@NotBlank @Size(max = 256) @SingleLine String name) {
    }

    private final OrganizationService organizations;
    private final TransactionTemplate tx;
    private final String adminToken;
    private final SecureRandom random = new SecureRandom();

    OrganizationController(OrganizationService organizations, TransactionTemplate tx,
                           @Value("${superkabe.admin-token:}") String adminToken) {
        this.organizations = organizations;
        this.tx = tx;
        this.adminToken = adminToken;
    }

    @PostMapping("/admin/v1/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(@RequestHeader(name = "X-Admin-Token", required = false) String token,
                                 @Valid @RequestBody NewOrganization body) {
        if (adminToken.isBlank() || token == null || !MessageDigest.isEqual(adminToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, null, "A valid X-Admin-Token is required");
        }
        String orgId = "org_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String apiKey = "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tx.executeWithoutResult(s -> organizations.register(orgId, body.name(), apiKey));
        return Map.of("orgId", orgId, "name", body.name(), "apiKey", apiKey);
    }
}
