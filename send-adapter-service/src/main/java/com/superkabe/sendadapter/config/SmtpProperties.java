package com.superkabe.sendadapter.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** SMTP client timeouts; a hung server must not hold a mailbox's partition forever. */
@ConfigurationProperties("superkabe.smtp")
public record SmtpProperties(Duration connectTimeout, Duration readTimeout) {
    public SmtpProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    }
}
