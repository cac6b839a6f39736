package com.superkabe.sendadapter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The send adapter service. Its configuration file is {@code send-adapter-service.yml}. */
@SpringBootApplication
public class SendAdapterApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SendAdapterApplication.class)
                .properties("spring.config.name=send-adapter-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
