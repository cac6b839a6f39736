package com.superkabe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.superkabe.kit.testing.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The six services on the real broker and database ({@link SixServices}), their OpenAPI documents, the merged
 * docs/openapi.yaml built from them, and the gateway in front routing to them.
 * {@code -Dsuperkabe.openapi.write=true} rewrites docs/openapi.yaml instead of comparing.
 */
class FrontDoorIT {

    static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml");
    static final String ADMIN_TOKEN = SixServices.ADMIN_TOKEN;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, ConfigurableApplicationContext> SERVICES = new TreeMap<>();
    private static ConfigurableApplicationContext gateway;
    private static TestHttp front;
    private static int closedPort;

    @BeforeAll
    static void start() throws IOException {
        SERVICES.putAll(SixServices.get());
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<String> args = new ArrayList<>(Gateways.isolatedArgs());
        SERVICES.forEach((name, ctx) -> args.add("--superkabe.gateway.routes." + name + "=http://localhost:"
                + ctx.getEnvironment().getProperty("local.server.port")));
        args.add("--superkabe.gateway.routes.console=http://localhost:" + closedPort);
        gateway = GatewayApplication.builder().run(args.toArray(String[]::new));
        front = TestHttp.of(gateway);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void eachServiceServesItsOpenApi31DocumentAndSwaggerUiWithoutAnApiKey() {
        SERVICES.forEach((name, ctx) -> {
            TestHttp http = TestHttp.of(ctx);
            TestHttp.Response docs = http.get("/v3/api-docs");
            TestHttp.Response ui = http.get("/swagger-ui/index.html");

            assertThat(docs.status()).as(name).isEqualTo(200);
            assertThat(docs.json().get("openapi").asString()).as(name).startsWith("3.1");
            assertThat(docs.json().at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
            assertThat(ui.status()).as(name).isEqualTo(200);
            assertThat(ui.body()).as(name).contains("swagger");
        });
    }

    @Test
    void everyControllerEndpointOfEveryServiceIsInTheMergedDocumentUnderItsService() {
        Map<String, Object> paths = paths(merged());
        List<String> missing = new ArrayList<>();
        int checked = 0;

        for (var service : SERVICES.entrySet()) {
            RequestMappingHandlerMapping mapping = service.getValue()
                    .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                if (!e.getValue().getBeanType().getName().startsWith("com.superkabe.")
                        || e.getValue().getBeanType().getName().startsWith("com.superkabe.kit.")) {
                    continue;
                }
                for (String pattern : e.getKey().getPatternValues()) {
                    for (var method : e.getKey().getMethodsCondition().getMethods()) {
                        checked++;
                        @SuppressWarnings("unchecked")
                        Map<String, Object> item = (Map<String, Object>) paths.get(pattern);
                        if (item == null || !item.containsKey(method.name().toLowerCase())
                                || !service.getKey().equals(item.get(RouteTable.SERVICE_EXTENSION))) {
                            missing.add(service.getKey() + " " + method + " " + pattern);
                        }
                    }
                }
            }
        }

        assertThat(checked).isGreaterThan(40);
        assertThat(missing).as("endpoints missing from the document").isEmpty();
    }

    @Test
    void docsOpenapiYamlIsTheMergeOfTheSixServicesDocuments() throws IOException {
        String merged = merged();

        if (Boolean.getBoolean("superkabe.openapi.write")) {
            Files.writeString(DOCUMENT, merged);
        }

        assertThat(Files.readString(DOCUMENT))
                .as("docs/openapi.yaml is stale: run this test with -Dsuperkabe.openapi.write=true and commit it")
                .isEqualTo(merged);
    }

    @Test
    void everyExampleInTheDocumentValidatesAgainstItsSchema() {
        JsonNode doc = JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(merged()));
        List<String> failures = new ArrayList<>();
        List<String> validated = new ArrayList<>();

        Examples.forEach(doc, (where, schema, example) -> {
            validated.add(where);
            List<Error> errors = Examples.validator(doc, schema).validate(example);
            if (!errors.isEmpty()) {
                failures.add(where + ": " + errors);
            }
        });

        assertThat(validated).hasSizeGreaterThan(40);
        assertThat(failures).isEmpty();
    }

    @Test
    void anExampleThatBreaksItsSchemaIsCaught() {
        JsonNode doc = JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(merged()));
        ObjectNode wrong = JSON.createObjectNode().put("type", "x").put("title", "t").put("status", "four hundred");

        List<Error> errors = Examples.validator(doc, JSON.createObjectNode()
                .put("$ref", "#/components/schemas/Problem")).validate(wrong);

        assertThat(errors).isNotEmpty();
    }

    @Test
    void everyDocumentedPathRoutesToTheServiceThatServesIt() throws IOException {
        Map<String, String> owners = RouteTable.servicesByPath(Files.newInputStream(DOCUMENT));
        RouteTable table = RouteTable.fromOpenApi(Files.newInputStream(DOCUMENT));

        assertThat(owners).hasSizeGreaterThan(30);
        owners.forEach((path, service) -> assertThat(table.serviceFor(path.replaceAll("\\{[^}]+}", "x-1")))
                .as(path).contains(service));
        assertThat(table.routes()).extracting(r -> r.pattern().getPatternString())
                .doesNotHaveDuplicates().hasSize(owners.size() + 1);
    }

    @Test
    void anApiCallThroughTheGatewayReachesItsServiceWithTheKeyAndComesBackUnchanged() {
        TestHttp.Response org = front.post("/admin/v1/organizations", "{\"name\":\"Front Door Ltd\"}",
                "X-Admin-Token", ADMIN_TOKEN);
        assertThat(org.status()).isEqualTo(201);
        String key = org.json().get("apiKey").asString();

        TestHttp.Response mailboxes = TestHttp.until(() -> front.get("/api/v1/protection/mailboxes", "X-Api-Key", key),
                r -> r.status() == 200, Duration.ofSeconds(30));
        TestHttp.Response unknown = front.get("/api/v1/mailboxes/mb-nowhere", "X-Api-Key", key);
        TestHttp.Response direct = TestHttp.of(SERVICES.get("send-adapter-service"))
                .get("/api/v1/mailboxes/mb-nowhere", "X-Api-Key", key);

        assertThat(mailboxes.body()).isEqualTo("[]");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(direct.body());
        assertThat(unknown.headers().get("content-type")).containsExactly("application/problem+json");
        assertThat(unknown.json().get("type").asString()).isEqualTo("https://superkabe.dev/docs/problems.md#not-found");
    }

    @Test
    void aCallWithoutAKeyIsTheServicesOwn401ProblemWithItsChallenge() {
        TestHttp.Response r = front.get("/api/v1/runs/run-1");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().get("www-authenticate")).containsExactly("Bearer");
        assertThat(r.json().get("type").asString()).isEqualTo("https://superkabe.dev/docs/problems.md#unauthorized");
    }

    @Test
    void aOneClickUnsubscribePostReachesTheSendAdapterAsAForm() throws Exception {
        HttpResponse<String> viaGateway = formPost(gateway, "/t/u/not-a-token");
        HttpResponse<String> direct = formPost(SERVICES.get("send-adapter-service"), "/t/u/not-a-token");

        assertThat(viaGateway.statusCode()).isEqualTo(direct.statusCode()).isEqualTo(404);
        assertThat(viaGateway.body()).isEqualTo(direct.body());
        assertThat(viaGateway.headers().firstValue("content-type")).isEqualTo(direct.headers().firstValue("content-type"));
    }

    @Test
    void aPathNoServiceOwnsIsANoRouteProblem() {
        TestHttp.Response r = front.get("/api/v9/nothing-here", "X-Api-Key", "whatever");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.headers().get("content-type")).containsExactly("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("https://superkabe.dev/docs/problems.md#no-route");
    }

    @Test
    void aServiceThatDoesNotAnswerIsABadGatewayProblemNamingIt() {
        TestHttp.Response r = front.get("/console/fleet");

        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().get("type").asString())
                .isEqualTo("https://superkabe.dev/docs/problems.md#backend-unavailable");
        assertThat(r.json().get("detail").asString()).contains("console");
    }

    private static HttpResponse<String> formPost(ConfigurableApplicationContext target, String path)
            throws Exception {
        URI uri = URI.create("http://localhost:" + target.getEnvironment().getProperty("local.server.port") + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String merged() {
        Map<String, JsonNode> specs = new LinkedHashMap<>();
        SERVICES.forEach((name, ctx) -> specs.put(name, TestHttp.of(ctx).get("/v3/api-docs").json()));
        return OpenApiMerge.merge(specs);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paths(String yaml) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        return (Map<String, Object>) doc.get("paths");
    }
}
