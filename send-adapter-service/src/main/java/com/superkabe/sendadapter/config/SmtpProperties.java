package com.superkabe.sendadapter.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * SMTP client timeouts ({@code superkabe.smtp.*}); a hung server must not hold a mailbox's partition forever.
 *
 * @param connectTimeout the connect timeout (default 10s)
 * @param readTimeout the read timeout of each reply (default 30s)
 */
@Validated
@ConfigurationProperties("superkabe.smtp")
public record SmtpProperties(@DurationMin(millis = 1) Duration connectTimeout,
                             @DurationMin(millis = 1) Duration readTimeout) {
    public SmtpProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    }
}
