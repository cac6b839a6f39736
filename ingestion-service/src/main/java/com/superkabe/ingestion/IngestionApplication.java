package com.superkabe.ingestion;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The ingestion service. Its configuration file is {@code ingestion-service.yml}. */
@SpringBootApplication
public class IngestionApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngestionApplication.class)
                .properties("spring.config.name=ingestion-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
