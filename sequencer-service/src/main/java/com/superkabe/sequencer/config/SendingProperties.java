package com.superkabe.sequencer.config;

import com.superkabe.sequencer.application.SendingSettings;
import com.superkabe.sequencer.domain.RetryPolicy;
import com.superkabe.sequencer.domain.dispatch.DispatchPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code superkabe.sequencer.sending}: the retry policy for transient send failures (ticks: first
 * wait, longest wait, give-up horizon; jitter percent), the YELLOW budget per mailbox (at most
 * {@code yellowMax} YELLOW recipients in any {@code yellowWindow} consecutive sends) and the
 * seconds per tick Retry-After is converted with, and {@code bulkSenderDailyBudget} per sending domain for
 * consumer Gmail and for consumer Outlook recipients, and {@code espThrottleRecoveryTicks} (ADR 0019).
 * Absent values take the defaults: 15 → 240 ticks, give up after 4,320 (72 h at 60 s), 20 % jitter,
 * 2 per 60, 60 s, 4,500, 60 ticks.
 *
 * @param retryBaseTicks the first wait after a transient failure, in ticks (default 15)
 * @param retryMaxTicks the longest wait, in ticks (default 240)
 * @param retryGiveUpTicks the horizon after which retrying gives up, in ticks (default 4320)
 * @param retryJitterPercent the jitter added to each wait, in percent (0 to 100, default 20)
 * @param yellowMax the most YELLOW recipients in any yellow-window consecutive sends of a mailbox (default 2)
 * @param yellowWindow the number of consecutive sends yellow-max counts over (default 60)
 * @param secondsPerTick the seconds per tick a Retry-After is converted with (default 60)
 * @param bulkSenderDailyBudget the daily sends per sending domain to consumer Gmail, and to consumer Outlook,
 *        recipients (default 4500)
 * @param espThrottleRecoveryTicks the ticks a throttled (mailbox, ESP) pair goes without a deferral before its rate
 *        doubles back (default 60)
 */
@Validated
@ConfigurationProperties("superkabe.sequencer.sending")
public record SendingProperties(@Positive Long retryBaseTicks, @Positive Long retryMaxTicks,
                                @Positive Long retryGiveUpTicks, @Min(0) @Max(100) Integer retryJitterPercent,
                                @PositiveOrZero Integer yellowMax, @Positive Integer yellowWindow,
                                @Positive Integer secondsPerTick, @PositiveOrZero Integer bulkSenderDailyBudget,
                                @Positive Long espThrottleRecoveryTicks) {

    public SendingSettings settings() {
        RetryPolicy d = RetryPolicy.DEFAULT;
        int seconds = secondsPerTick == null ? d.secondsPerTick() : secondsPerTick;
        RetryPolicy retry = new RetryPolicy(or(retryBaseTicks, d.baseTicks()), or(retryMaxTicks, d.maxTicks()),
                or(retryGiveUpTicks, d.giveUpTicks()), retryJitterPercent == null ? d.jitterPercent()
                : retryJitterPercent, seconds);
        DispatchPolicy.YellowBudget y = DispatchPolicy.YellowBudget.DEFAULT;
        return new SendingSettings(retry, new DispatchPolicy.YellowBudget(yellowMax == null ? y.maxYellow() : yellowMax,
                yellowWindow == null ? y.window() : yellowWindow), Math.max(1, 86_400L / seconds),
                bulkSenderDailyBudget == null ? DispatchPolicy.DEFAULT_BULK_SENDER_BUDGET : bulkSenderDailyBudget,
                or(espThrottleRecoveryTicks, SendingSettings.DEFAULT_ESP_THROTTLE_RECOVERY_TICKS));
    }

    private static long or(Long value, long fallback) {
        return value == null ? fallback : value;
    }
}
