package com.superkabe.gate;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The execution gate service. Its configuration file is {@code gate-service.yml}. */
@SpringBootApplication
public class GateApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GateApplication.class).properties("spring.config.name=gate-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
