package com.superkabe.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forwards {@code /api/**}, {@code /admin/**}, {@code /t/**} and {@code /console/**} to the service
 * that owns the path, byte for byte: method, raw path and query, headers (API key included), body,
 * status, response headers and body. Redirects are passed back, never followed. Only hop-by-hop
 * headers are dropped (RFC 9110 §7.6.1); X-Forwarded-* tell the service who asked.
 */
public class ReverseProxy extends OncePerRequestFilter {

    static final List<String> PREFIXES = List.of("/api/", "/admin/", "/t/", "/console/");
    private static final Logger LOG = LoggerFactory.getLogger(ReverseProxy.class);

    /** Hop-by-hop headers, and those the JDK client sets itself (it refuses them from callers). */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");

    private final RouteTable table;
    private final Map<String, URI> services;
    private final HttpClient client;
    private final GatewayProperties properties;

    public ReverseProxy(RouteTable table, GatewayProperties properties) {
        this.table = table;
        this.services = properties.routes();
        this.properties = properties;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(properties.connectTimeout()).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return PREFIXES.stream().noneMatch(p -> path.startsWith(p) || path.equals(p.substring(0, p.length() - 1)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        Optional<String> service = table.serviceFor(path);
        URI base = service.map(services::get).orElse(null);
        if (base == null) {
            GatewayProblems.noRoute(response, path);
            return;
        }
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(forward(request, base), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            GatewayProblems.backendUnavailable(response, service.get(), path, "no connection to " + base);
            return;
        } catch (HttpTimeoutException e) {
            GatewayProblems.backendUnavailable(response, service.get(), path, "no response within "
                    + properties.responseTimeout());
            return;
        } catch (IOException e) {
            LOG.warn("{} {} to {} failed: {}", request.getMethod(), path, service.get(), e.toString());
            GatewayProblems.backendUnavailable(response, service.get(), path, "the connection failed");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            GatewayProblems.backendUnavailable(response, service.get(), path, "interrupted");
            return;
        }
        relay(answer, response);
    }

    private HttpRequest forward(HttpServletRequest request, URI base) throws IOException {
        String query = request.getQueryString();
        URI target = URI.create(base.toString().replaceAll("/$", "") + request.getRequestURI()
                + (query == null ? "" : "?" + query));
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(properties.responseTimeout());
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.regionMatches(true, 0,
                    "x-forwarded-", 0, 12)) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    b.header(name, value);
                }
            }
        }
        String host = request.getHeader("Host");
        b.header("X-Forwarded-For", request.getRemoteAddr());
        b.header("X-Forwarded-Proto", request.getScheme());
        if (host != null) {
            b.header("X-Forwarded-Host", host);
        }
        b.method(request.getMethod(), body(request));
        return b.build();
    }

    private static HttpRequest.BodyPublisher body(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length == 0 || (length < 0 && !chunked)) {
            return HttpRequest.BodyPublishers.noBody();
        }
        InputStream in = request.getInputStream();
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> in);
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
    }

    private static void relay(HttpResponse<InputStream> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !lower.equals(":status")) {
                values.forEach(v -> response.addHeader(name, v));
            }
        });
        answer.headers().firstValueAsLong("Content-Length").ifPresent(response::setContentLengthLong);
        try (InputStream in = answer.body()) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }
}
