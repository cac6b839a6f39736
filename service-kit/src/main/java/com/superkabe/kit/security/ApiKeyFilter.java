package com.superkabe.kit.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.superkabe.kit.web.ProblemTypes;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Scopes every {@code /api/} call to one organization: the key comes from {@code X-Api-Key} or
 * {@code Authorization: Bearer}; a missing or unknown key is a 401 problem, never a fallback tenant.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String ORG_ATTRIBUTE = "superkabe.orgId";

    private final ApiKeys apiKeys;

    public ApiKeyFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = presentedKey(request);
        Optional<OrgId> org = key.flatMap(apiKeys::resolve);
        if (org.isEmpty()) {
            response.setStatus(401);
            response.setContentType("application/problem+json");
            response.setHeader("WWW-Authenticate", "Bearer");
            String detail = key.isEmpty() ? "No API key: send it as 'X-Api-Key' or 'Authorization: Bearer <key>'"
                    : "The API key is not known";
            response.getWriter().write("{\"type\":\"" + ProblemTypes.forStatus(401)
                    + "\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + detail.replace("'", "\\u0027") + "\",\"instance\":\"" + request.getRequestURI()
                    .replace("\"", "") + "\"}");
            return;
        }
        request.setAttribute(ORG_ATTRIBUTE, org.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String key = request.getHeader("X-Api-Key");
        if (key == null) {
            String auth = request.getHeader("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                key = auth.substring(7).trim();
            }
        }
        return Optional.ofNullable(key).filter(k -> !k.isBlank());
    }
}
