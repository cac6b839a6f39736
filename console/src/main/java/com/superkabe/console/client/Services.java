package com.superkabe.console.client;

import com.superkabe.console.ConsoleProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The six services' public REST APIs, called with the signed-in organization's API key in the
 * {@code X-Api-Key} header: the console sees exactly what that key may see, nothing more.
 */
@Component
public class Services {

    /** Which service a call goes to. */
    public enum Service { INGESTION, GATE, SEQUENCER, SEND_ADAPTER, REPLY_POLLER, PROTECTION }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConsoleProperties properties;
    private final RestClient client;

    public Services(ConsoleProperties properties) {
        this.properties = properties;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.timeout());
        this.client = RestClient.builder().requestFactory(factory).build();
    }

    public ConsoleProperties properties() {
        return properties;
    }

    public JsonNode get(String apiKey, Service service, String path) {
        return exchange(apiKey, service, "GET", path, null).body();
    }

    /**
     * A page of a keyset-paged list: its rows, the cursors of the pages after and before it (from
     * the {@code Link} header's {@code next} and {@code prev}, null at an end) and how many rows the
     * filter matches ({@code X-Total-Count}, -1 if absent).
     */
    public record Page(JsonNode rows, String next, String previous, long total) {
    }

    public Page page(String apiKey, Service service, String path) {
        Answer a = exchange(apiKey, service, "GET", path, null);
        String next = null;
        String previous = null;
        String link = a.headers().getFirst(HttpHeaders.LINK);
        if (link != null) {
            Matcher m = LINK.matcher(link);
            while (m.find()) {
                String cursor = cursor(m.group(1));
                if ("next".equals(m.group(2))) {
                    next = cursor;
                } else {
                    previous = cursor;
                }
            }
        }
        String total = a.headers().getFirst("X-Total-Count");
        return new Page(a.body(), next, previous, total == null ? -1 : Long.parseLong(total.strip()));
    }

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?(next|prev)\"?");

    /** The {@code after} or {@code before} value of a page link: the cursor, as the API gave it out. */
    private static String cursor(String uri) {
        var params = org.springframework.web.util.UriComponentsBuilder.fromUriString(uri).build().getQueryParams();
        String value = params.getFirst("after") != null ? params.getFirst("after") : params.getFirst("before");
        return value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private record Answer(JsonNode body, HttpHeaders headers) {
    }

    public JsonNode post(String apiKey, Service service, String path, Map<String, ?> body) {
        return exchange(apiKey, service, "POST", path, body).body();
    }

    public JsonNode patch(String apiKey, Service service, String path, Map<String, ?> body) {
        return exchange(apiKey, service, "PATCH", path, body).body();
    }

    private Answer exchange(String apiKey, Service service, String method, String path, Map<String, ?> body) {
        URI uri = URI.create(base(service).toString().replaceAll("/+$", "") + path);
        try {
            RestClient.RequestBodySpec spec = client.method(org.springframework.http.HttpMethod.valueOf(method))
                    .uri(uri).header("X-Api-Key", apiKey).accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                spec.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
            }
            return spec.exchange((request, response) -> {
                String text = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                HttpStatusCode status = response.getStatusCode();
                if (status.isError()) {
                    throw failure(status.value(), text, service);
                }
                return new Answer(text.isBlank() ? JSON.nullNode() : JSON.readTree(text), response.getHeaders());
            });
        } catch (ResourceAccessException e) {
            throw new ApiCallFailed(0, null, serviceName(service) + " did not answer");
        }
    }

    private static ApiCallFailed failure(int status, String text, Service service) {
        String detail = null;
        String field = null;
        try {
            JsonNode problem = JSON.readTree(text);
            detail = problem.path("detail").asString(null);
            field = problem.path("field").asString(null);
            if (field == null && problem.path("errors").isArray() && !problem.path("errors").isEmpty()) {
                field = problem.path("errors").get(0).path("field").asString(null);
            }
        } catch (RuntimeException notJson) {
            // a proxy's or container's page: say what status came back
        }
        if (detail == null || detail.isBlank()) {
            detail = serviceName(service) + " answered " + status;
        }
        return new ApiCallFailed(status, field, detail);
    }

    static String serviceName(Service service) {
        return service.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " service";
    }

    private URI base(Service service) {
        return switch (service) {
            case INGESTION -> properties.ingestion();
            case GATE -> properties.gate();
            case SEQUENCER -> properties.sequencer();
            case SEND_ADAPTER -> properties.sendAdapter();
            case REPLY_POLLER -> properties.replyPoller();
            case PROTECTION -> properties.protection();
        };
    }
}
