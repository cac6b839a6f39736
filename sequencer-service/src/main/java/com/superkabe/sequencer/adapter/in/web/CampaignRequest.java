package com.superkabe.sequencer.adapter.in.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/campaigns}. The sending rules are optional (seed 002): a schedule
 * ({@code scheduleTimezone} IANA zone, {@code scheduleStartTime}/{@code scheduleEndTime} "HH:mm",
 * end exclusive, start after end for an overnight window, {@code scheduleDays} e.g. MON..FRI),
 * {@code dailyLimit} for the whole campaign, {@code mailboxDailyLimits} per mailbox of the campaign
 * (CampaignAccount.daily_limit_override) and {@code sendGapMinutes} between sends of one mailbox;
 * {@code reassignAfterTicks} (default 1440: a day) before a run leaves a mailbox that cannot send, and
 * {@code euComplianceMode} (no open pixel, no click rewriting). An ACTIVE campaign needs the
 * organization's mailing address (ADR 0020). {@code policies}: the action of each policy of the gate that
 * may be chosen, e.g. {@code {"SENDING_WINDOW": "SKIP_WITH_LOG"}} (ADR 0022).
 * {@link CampaignRulesMapper} checks what annotations cannot.
 */
public record CampaignRequest(@NotBlank @Size(max = 256) String name,
                              @Pattern(regexp = "ACTIVE|DRAFT", message = "must be ACTIVE or DRAFT") String status,
                              @NotEmpty List<@NotBlank String> mailboxIds,
                              @NotEmpty @Size(max = 20) List<@Valid @NotNull Step> steps,
                              @Size(max = 64) String scheduleTimezone,
                              String scheduleStartTime,
                              String scheduleEndTime,
                              @Size(max = 7) List<String> scheduleDays,
                              @Min(value = 1, message = "must be at least 1") Integer dailyLimit,
                              Map<String, Integer> mailboxDailyLimits,
                              @Min(0) @Max(value = 1440, message = "must be at most 1440 (one day)")
                              Integer sendGapMinutes,
                              @Min(value = 1, message = "must be at least 1")
                              @Max(value = 525_600, message = "must be at most 525600 (a year of minutes)")
                              Long reassignAfterTicks,
                              Boolean euComplianceMode,
                              Map<String, String> policies) {

    public CampaignRequest(String name, String status, List<String> mailboxIds, List<Step> steps,
                           String scheduleTimezone, String scheduleStartTime, String scheduleEndTime,
                           List<String> scheduleDays, Integer dailyLimit, Map<String, Integer> mailboxDailyLimits,
                           Integer sendGapMinutes, Long reassignAfterTicks, Boolean euComplianceMode) {
        this(name, status, mailboxIds, steps, scheduleTimezone, scheduleStartTime, scheduleEndTime, scheduleDays,
                dailyLimit, mailboxDailyLimits, sendGapMinutes, reassignAfterTicks, euComplianceMode, null);
    }

    /** Without the routing and compliance settings (defaults: one day, tracking on). */
    public CampaignRequest(String name, String status, List<String> mailboxIds, List<Step> steps,
                           String scheduleTimezone, String scheduleStartTime, String scheduleEndTime,
                           List<String> scheduleDays, Integer dailyLimit, Map<String, Integer> mailboxDailyLimits,
                           Integer sendGapMinutes) {
        this(name, status, mailboxIds, steps, scheduleTimezone, scheduleStartTime, scheduleEndTime, scheduleDays,
                dailyLimit, mailboxDailyLimits, sendGapMinutes, null, null);
    }

    /**
     * One step; {@code delayTicks} is counted from the previous step's send (from enrolment for the first).
     * {@code subject} and {@code body} are required unless {@code variants} (A/B) are given; subjects
     * and bodies may use spintax. {@link StepsMapper} checks what annotations cannot.
     */
    public record Step(@Size(max = 998) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain CR or LF")
                       String subject,
                       @Size(max = 100_000) String body,
                       @Min(0) long delayTicks,
                       @Size(max = 10) List<@Valid @NotNull Variant> variants,
                       @Size(max = 64) String condition) {

        public Step(String subject, String body, long delayTicks) {
            this(subject, body, delayTicks, null, null);
        }

        public Step(String subject, String body, long delayTicks, List<Variant> variants) {
            this(subject, body, delayTicks, variants, null);
        }
    }

    /** One A/B variant of a step; {@code weight} (default 1) is its share of the step's runs. */
    public record Variant(@NotBlank @Size(max = 998) @Pattern(regexp = "[^\\r\\n]*",
                                  message = "must not contain CR or LF") String subject,
                          @NotBlank @Size(max = 100_000) String body,
                          @Min(value = 1, message = "must be at least 1") Integer weight) {
    }
}
