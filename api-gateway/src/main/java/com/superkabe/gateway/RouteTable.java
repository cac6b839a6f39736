package com.superkabe.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Which service owns a path: every path of the merged API document (each tagged with its service in
 * {@code x-superkabe-service}), plus {@code /console/**} for the console. The most specific template
 * wins, as in Spring MVC, so {@code /api/v1/leads/csv} beats {@code /api/v1/leads/{leadId}}.
 */
public final class RouteTable {

    public static final String SERVICE_EXTENSION = "x-superkabe-service";
    static final String CONSOLE_PATTERN = "/console/**";

    public record Route(PathPattern pattern, String service) {
    }

    private final List<Route> routes;

    RouteTable(Map<String, String> serviceByPath) {
        PathPatternParser parser = new PathPatternParser();
        List<Route> all = new ArrayList<>();
        serviceByPath.forEach((path, service) -> all.add(new Route(parser.parse(path), service)));
        all.sort(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR));
        this.routes = List.copyOf(all);
    }

    /** The routes of an OpenAPI document whose path items name their service, and the console's. */
    public static RouteTable fromOpenApi(InputStream yaml) {
        Map<String, String> byPath = new LinkedHashMap<>();
        servicesByPath(yaml).forEach(byPath::put);
        byPath.put(CONSOLE_PATTERN, GatewayProperties.CONSOLE);
        return new RouteTable(byPath);
    }

    /** Each path of the document and the service its path item names; a path without one is an error. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> servicesByPath(InputStream yaml) {
        Map<String, Object> doc;
        try (InputStream in = yaml) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> paths = (Map<String, Object>) doc.getOrDefault("paths", Map.of());
        Map<String, String> byPath = new LinkedHashMap<>();
        paths.forEach((path, item) -> {
            Object service = ((Map<String, Object>) item).get(SERVICE_EXTENSION);
            if (!(service instanceof String s) || s.isBlank()) {
                throw new IllegalStateException("path " + path + " names no service in " + SERVICE_EXTENSION);
            }
            byPath.put(path, s);
        });
        return byPath;
    }

    /** The service owning a request path (raw, without the query), if any. */
    public Optional<String> serviceFor(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Route r : routes) {
            if (r.pattern().matches(container)) {
                return Optional.of(r.service());
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }
}
