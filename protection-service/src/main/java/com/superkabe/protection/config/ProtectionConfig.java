package com.superkabe.protection.config;

import com.superkabe.protection.application.MailboxCounterStore;
import com.superkabe.protection.application.MailboxQueries;
import com.superkabe.protection.application.ProtectionService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ProtectionConfig {

    @Bean
    ProtectionService protectionService(MailboxCounterStore store, MeterRegistry meters) {
        return new ProtectionService(store, meters);
    }

    @Bean
    MailboxQueries mailboxQueries(MailboxCounterStore store) {
        return new MailboxQueries(store);
    }
}
