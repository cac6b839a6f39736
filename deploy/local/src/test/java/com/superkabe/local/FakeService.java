package com.superkabe.local;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Stands in for a service jar in process tests: answers /actuator/health with UP on --server.port. */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("SUPERKABE_SECRETS_KEY") == null) {
            throw new IllegalStateException("no secrets key in the environment");
        }
        int port = Arrays.stream(args).filter(a -> a.startsWith("--server.port="))
                .map(a -> Integer.parseInt(a.substring("--server.port=".length()))).findFirst().orElseThrow();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health", ex -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }
}
