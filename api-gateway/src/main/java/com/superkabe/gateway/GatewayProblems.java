package com.superkabe.gateway;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own refusals, as RFC 9457 problems whose type links to docs/problems.md like the
 * services' do: no service owns the path, or the owner did not answer.
 */
final class GatewayProblems {

    static final String BASE = "https://superkabe.dev/docs/problems.md#";
    static final String NO_ROUTE = BASE + "no-route";
    static final String BACKEND_UNAVAILABLE = BASE + "backend-unavailable";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatewayProblems() {
    }

    static void noRoute(HttpServletResponse response, String path) throws IOException {
        write(response, 404, NO_ROUTE, "Not Found", "No service owns " + path
                + "; the routed paths are those of docs/openapi.yaml and /console/**", path);
    }

    static void backendUnavailable(HttpServletResponse response, String service, String path, String why)
            throws IOException {
        write(response, 502, BACKEND_UNAVAILABLE, "Bad Gateway", service + " did not answer (" + why + ")", path);
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail,
                              String instance) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
