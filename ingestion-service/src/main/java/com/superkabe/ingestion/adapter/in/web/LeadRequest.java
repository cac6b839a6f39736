package com.superkabe.ingestion.adapter.in.web;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/leads}. The address itself is judged by the ingestion gate. */
public record LeadRequest(@Size(max = 320) String email, @Size(max = 256) String firstName,
                          @Size(max = 256) String lastName, @Size(max = 256) String company,
                          @Size(max = 256) String title, @Size(max = 64) String campaignId) {
}
