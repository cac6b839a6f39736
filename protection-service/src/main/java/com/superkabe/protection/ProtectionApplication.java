package com.superkabe.protection;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The protection layer service. Its configuration file is {@code protection-service.yml}. */
@SpringBootApplication
public class ProtectionApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ProtectionApplication.class)
                .properties("spring.config.name=protection-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
