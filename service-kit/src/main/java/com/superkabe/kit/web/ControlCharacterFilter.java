package com.superkabe.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose path or query holds a control character (other than TAB) or broken
 * URL encoding, before any handler sees it: ids in paths and query values are user text too. The
 * query string is decoded here rather than through {@code getParameter}, which would read a body.
 * A {@code Content-Type} that is not one concrete media type ({@code *}{@code /*}, {@code text/*},
 * unparseable) is refused here too (415): Spring's request headers assert it is concrete and would
 * otherwise fail the request with a 500.
 */
public class ControlCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        int at = PlainText.firstControlInLine(path);
        if (at >= 0) {
            refuse(response, "path", "path: " + PlainText.describe(path, at));
            return;
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    refuse(response, "query", "query: the URL encoding is broken (" + e.getMessage() + ")");
                    return;
                }
                int n = PlainText.firstControlInLine(name);
                int v = PlainText.firstControl(value);
                if (n >= 0 || v >= 0) {
                    String field = n >= 0 ? "query" : name;
                    refuse(response, field, field + ": " + (n >= 0 ? PlainText.describe(name, n)
                            : PlainText.describe(value, v)));
                    return;
                }
            }
        }
        String contentType = request.getContentType();
        if (contentType != null && !concrete(contentType)) {
            response.setStatus(415);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ProblemJson.of(415, "Unsupported Media Type",
                    "Content-Type '" + (contentType.length() > 100 ? contentType.substring(0, 100) + "…" : contentType)
                            + "' is not one concrete media type"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, String field, String message) throws IOException {
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String json = ProblemJson.of(400, "Bad Request", message);
        response.getWriter().write(json.substring(0, json.length() - 1) + ",\"errors\":[{\"field\":"
                + ProblemJson.quote(field) + ",\"message\":" + ProblemJson.quote(message) + "}]}");
    }
}
