package com.superkabe.sequencer.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/v1/campaigns}. */
public record CampaignRequest(@NotBlank @Size(max = 256) String name,
                              @Pattern(regexp = "ACTIVE|DRAFT", message = "must be ACTIVE or DRAFT") String status,
                              @NotEmpty List<@NotBlank String> mailboxIds,
                              @NotEmpty @Size(max = 20) List<@Valid @NotNull Step> steps) {

    /** One step; {@code delayTicks} is counted from the previous step's send (from enrolment for the first). */
    public record Step(@NotBlank @Size(max = 998) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain CR or LF")
                       String subject,
                       @NotNull @Size(max = 100_000) String body,
                       @Min(0) long delayTicks) {
    }
}
