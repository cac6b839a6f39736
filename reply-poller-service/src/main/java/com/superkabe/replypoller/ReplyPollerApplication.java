package com.superkabe.replypoller;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The reply poller service. Its configuration file is {@code reply-poller-service.yml}. */
@SpringBootApplication
public class ReplyPollerApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ReplyPollerApplication.class)
                .properties("spring.config.name=reply-poller-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
