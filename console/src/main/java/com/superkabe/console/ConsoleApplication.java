package com.superkabe.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The operator console: pages over the six services' public REST APIs, served under {@code /console}. */
@SpringBootApplication
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }

    /** For tests that start the console in-process beside the services. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ConsoleApplication.class);
    }
}
