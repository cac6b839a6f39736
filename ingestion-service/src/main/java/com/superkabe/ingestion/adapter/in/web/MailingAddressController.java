package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.ingestion.application.MailingAddressService;
import com.superkabe.ingestion.domain.MailingAddress;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.kit.web.StrictJson;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The organization's postal address for the message footer (ADR 0020); one per organization. */
@RestController
class MailingAddressController {

    private static final String PATH = "/api/v1/organization/mailing-address";
    private static final String FIELD = "mailingAddress";

    private final MailingAddressService addresses;

    MailingAddressController(MailingAddressService addresses) {
        this.addresses = addresses;
    }

    @GetMapping(PATH)
    Map<String, String> get(OrgId org) {
        return addresses.find(org.value()).map(a -> Map.of(FIELD, a)).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, null, "No mailing address is set for this organization"));
    }

    @PutMapping(path = PATH, consumes = "application/json")
    Map<String, String> put(OrgId org, @RequestBody(required = false) byte[] body) {
        JsonNode json = JsonBodies.parse(body, 16 * 1024);
        StrictJson.onlyFields(json, "", FIELD);
        JsonNode value = json.get(FIELD);
        if (value == null || value.isNull()) {
            throw ApiProblem.invalid(FIELD, FIELD + " is required");
        }
        if (!value.isString()) {
            throw ApiProblem.invalid(FIELD, FIELD + " must be a string");
        }
        MailingAddress address;
        try {
            address = MailingAddress.of(value.asString());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(FIELD, e.getMessage());
        }
        addresses.set(org.value(), address);
        return Map.of(FIELD, address.value());
    }
}
