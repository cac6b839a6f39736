package com.superkabe.gateway;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's Tomcat refuses some requests before the proxy sees them (a NUL or an encoded slash
 * in the path, broken URL encoding, a malformed request line); this valve answers those with a
 * problem like every other refusal instead of Tomcat's HTML page. The services do the same with
 * the kit's valve; the gateway does not carry the kit.
 */
final class GatewayErrorValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Installs the valve on the host in place of Tomcat's and Spring Boot's HTML one. */
    static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (parent instanceof StandardHost host) {
                    host.setErrorReportValveClass(GatewayErrorValve.class.getName());
                }
                if (parent != null) {
                    for (Valve valve : parent.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof GatewayErrorValve)) {
                            parent.getPipeline().removeValve(valve);
                        }
                    }
                    parent.getPipeline().addValve(new GatewayErrorValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** The problem type for a status the container raised: the services' types, by status. */
    static String typeFor(int status) {
        if (status == 400) {
            return GatewayProblems.BASE + "invalid-request";
        }
        return GatewayProblems.BASE + (status >= 500 ? "server-error" : "client-error");
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", typeFor(status));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", status >= 500 ? "The gateway could not handle the request"
                : "The request is malformed: " + title + " (the path or request line cannot be routed)");
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (Exception | LinkageError e) {
            // the connection is broken; nothing left to tell the caller
        }
    }
}
