package com.superkabe.sequencer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The sequencer service. Its configuration file is {@code sequencer-service.yml}. */
@SpringBootApplication
public class SequencerApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SequencerApplication.class)
                .properties("spring.config.name=sequencer-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
