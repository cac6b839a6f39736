package com.superkabe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.kit.testing.ApiProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API fuzz test (issue 12): every operation of docs/openapi.yaml, called through the gateway
 * as a real organization, with generated requests that break one thing each ({@link FuzzCases}).
 * Every answer must be below 500; every 4xx an {@code application/problem+json} whose {@code type}
 * has a section in docs/problems.md; and a refused write must leave the owning service's schema as
 * it was (a digest of every table's rows, before and after). Seed and sample size are
 * {@code -Dsuperkabe.fuzz.seed} and {@code -Dsuperkabe.fuzz.per-endpoint}.
 */
class ApiFuzzIT {

    private static final long SEED = Long.getLong("superkabe.fuzz.seed", 20_261_206L);
    private static final int PER_ENDPOINT = Integer.getInteger("superkabe.fuzz.per-endpoint", 30);
    private static final Path PROBLEMS = Path.of("..", "docs", "problems.md");
    private static final String TYPE_PREFIX = "https://superkabe.dev/docs/problems.md#";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Tables left out of the comparison. Changed without any request: the logical clocks and
     * watermarks each service advances on its own, the inbox of consumed events, the reply
     * poller's cursors. The outbox is drained by its relay, so it is compared by its id sequence
     * instead of its rows (a refused request must not have written an event, even one already
     * relayed). {@code clay_seen_signature} is the webhook's replay guard: it records every signed
     * delivery's signature before the body is read, refused or not, so the same signed bytes cannot
     * be replayed; it holds nothing from the body. {@code leases} (ADR 0050) is renewed every few
     * seconds by the relay's and the clock's lease keepers.
     */
    private static final Set<String> LEFT_OUT = Set.of("inbox", "outbox", "gate_clock", "clock_state",
            "clock_source", "logical_clock", "protection_watermark", "inbox_cursor", "token_entry",
            "clay_seen_signature", "leases");

    private static final String OUTBOX = "outbox (id sequence)";
    private static final String LEAD_REJECTED = "Lead rejected by the ingestion gate";

    private static Map<String, ConfigurableApplicationContext> services;
    private static ConfigurableApplicationContext gateway;
    private static ApiProbe front;
    private static String apiKey;
    private static Connection db;
    private static String claySecret;

    @BeforeAll
    static void start() throws SQLException {
        services = SixServices.get();
        List<String> args = new ArrayList<>(Gateways.isolatedArgs());
        services.forEach((name, ctx) -> args.add("--superkabe.gateway.routes." + name + "=http://localhost:"
                + ctx.getEnvironment().getProperty("local.server.port")));
        gateway = GatewayApplication.builder().run(args.toArray(String[]::new));
        front = ApiProbe.of(gateway);
        TestHttp http = TestHttp.of(gateway);
        TestHttp.Response org = http.post("/admin/v1/organizations", "{\"name\":\"Fuzz Ltd\"}",
                "X-Admin-Token", SixServices.ADMIN_TOKEN);
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        apiKey = org.json().get("apiKey").asString();
        // every service learns the key from the organizations topic; wait until each one knows it
        for (String probe : List.of("/api/v1/settings/lead-health", "/api/v1/settings/send-retries",
                "/api/v1/protection/mode", "/api/v1/leads/fz/gate-decisions", "/api/v1/mailboxes/fz")) {
            TestHttp.until(() -> http.get(probe, "X-Api-Key", apiKey), r -> r.status() != 401, Duration.ofSeconds(60));
        }
        TestHttp.until(() -> http.post("/api/v1/mailboxes/fz/inbox-access", "{}", "X-Api-Key", apiKey),
                r -> r.status() != 401, Duration.ofSeconds(60));
        db = DriverManager.getConnection(TestInfra.jdbcUrl(), "postgres", "postgres");
    }

    @AfterAll
    static void stop() throws SQLException {
        if (db != null) {
            db.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void everyEndpointAnswersBrokenRequestsBelow500WithADocumentedProblemAndStoresNothingWhenItRefuses()
            throws IOException, SQLException {
        JsonNode doc = JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(FrontDoorIT.DOCUMENT)));
        Set<String> sections = sections();
        Map<String, JsonNode> seeds = seeds();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        int refusals = 0;
        int accepted = 0;
        int acceptedWritesSeen = 0;
        List<FuzzCases.Operation> operations = FuzzCases.operations(doc);

        for (FuzzCases.Operation op : operations) {
            Random random = new Random(SEED ^ op.key().hashCode());
            JsonNode seed = seeds.containsKey(op.key()) ? seeds.get(op.key()) : schemaSeed(doc, op);
            String schema = schemaOf(op.service());
            if (op.template().equals("/api/v1/ingest/clay")) {
                // signed with the organization's webhook secret, so the body is parsed, not refused at the signature
                claySecret = TestHttp.of(gateway).post("/api/v1/integrations/clay/secret", "{}", "X-Api-Key", apiKey)
                        .json().get("secret").asString();
            }
            for (FuzzCases.Case c : FuzzCases.cases(doc, op, seed, random, PER_ENDPOINT)) {
                Map<String, String> before = op.writes() ? digest(schema) : Map.of();
                ApiProbe.Answer a = send(c);
                requests++;
                String wrong = judge(op, a, sections);
                if (a.status() >= 400 && a.status() < 500) {
                    refusals++;
                    if (op.writes()) {
                        Map<String, String> after = digest(schema);
                        List<String> changed = new ArrayList<>(changed(before, after));
                        if (recordedRejection(a)) {
                            changed.remove(OUTBOX);
                        }
                        if (!changed.isEmpty()) {
                            wrong = (wrong == null ? "" : wrong + "; ") + "stored on a refusal: " + changed;
                        }
                    }
                } else if (a.status() < 400) {
                    accepted++;
                    System.out.println("API FUZZ ACCEPTED " + c.describe() + " → " + a.status());
                    if (op.writes() && !changed(before, digest(schema)).isEmpty()) {
                        acceptedWritesSeen++;
                    }
                    quiesce(schema);
                }
                if (wrong != null) {
                    failures.add(c.describe() + " → " + a.status() + " " + a.contentType() + ": " + wrong + " — "
                            + a.body().substring(0, Math.min(200, a.body().length())));
                }
            }
        }

        System.out.printf("API FUZZ endpoints=%d requests=%d refusals=%d accepted=%d failures=%d seed=%d%n",
                operations.size(), requests, refusals, accepted, failures.size(), SEED);
        System.out.printf("API FUZZ accepted writes the digest saw=%d%n", acceptedWritesSeen);
        failures.forEach(f -> System.out.println("API FUZZ FAILURE " + f));
        assertThat(operations).hasSizeGreaterThan(40);
        assertThat(acceptedWritesSeen).as("accepted writes whose rows the digest saw (the check can see a write)")
                .isPositive();
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    private static ApiProbe.Answer send(FuzzCases.Case c) {
        List<String> headers = new ArrayList<>(c.headers());
        if (c.auth()) {
            headers.addAll(c.path().startsWith("/admin/") ? List.of("X-Admin-Token", SixServices.ADMIN_TOKEN)
                    : List.of("X-Api-Key", apiKey));
        }
        if (c.path().equals("/api/v1/ingest/clay") && c.auth() && claySecret != null) {
            String ts = Long.toString(java.time.Instant.now().getEpochSecond());
            headers.addAll(List.of("X-Clay-Timestamp", ts, "X-Clay-Signature", "sha256=" + java.util.HexFormat.of()
                    .formatHex(com.superkabe.ingestion.application.ClayWebhook.hmac(claySecret, ts,
                            c.body() == null ? new byte[0] : c.body()))));
        }
        return front.send(c.method(), c.path(), c.contentType(), c.body(), headers.toArray(String[]::new));
    }

    /**
     * What is wrong with the answer, or null: a 5xx, or a 4xx that is neither a documented problem
     * nor the media type the document declares for that status (the recipient-facing /t/ links
     * answer an unknown token with an HTML page, as documented).
     */
    private static String judge(FuzzCases.Operation op, ApiProbe.Answer a, Set<String> sections) {
        if (a.status() >= 500) {
            return "a server error";
        }
        if (a.status() < 400) {
            return null;
        }
        if (!a.contentType().startsWith("application/problem+json")) {
            String media = a.contentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
            boolean declared = !media.isEmpty() && op.op().path("responses").path(Integer.toString(a.status()))
                    .path("content").has(media);
            return declared ? null : "not application/problem+json";
        }
        JsonNode problem;
        try {
            problem = a.json();
        } catch (RuntimeException e) {
            return "a problem that is not JSON";
        }
        String type = problem.path("type").asString("");
        if (!type.startsWith(TYPE_PREFIX) || !sections.contains(type.substring(TYPE_PREFIX.length()))) {
            return "type '" + type + "' has no section in docs/problems.md";
        }
        if (problem.path("status").asInt() != a.status()) {
            return "problem status " + problem.path("status") + " differs from the HTTP status";
        }
        return null;
    }

    private static Set<String> sections() throws IOException {
        return Files.readAllLines(PROBLEMS).stream().filter(l -> l.startsWith("## "))
                .map(l -> l.substring(3).trim()).collect(Collectors.toSet());
    }

    /** Bodies the document types only as a string (hand-parsed JSON): a valid one each. */
    private static Map<String, JsonNode> seeds() {
        Map<String, JsonNode> s = new LinkedHashMap<>();
        s.put("POST /api/v1/leads", JSON.readTree("{\"email\":\"ada@fuzz.example\",\"firstName\":\"Ada\","
                + "\"lastName\":\"Lovelace\",\"company\":\"Fuzz Ltd\",\"title\":\"CTO\",\"leadScore\":50}"));
        s.put("POST /api/v1/leads/validate", JSON.readTree("{\"emails\":[\"ada@fuzz.example\"]}"));
        s.put("POST /api/v1/ingest/clay", JSON.readTree("{\"email\":\"ada@fuzz.example\",\"firstName\":\"Ada\"}"));
        s.put("POST /api/v1/campaigns/{campaignId}/enrolments", JSON.readTree("{\"leadIds\":[\"lead_1\"]}"));
        s.put("PUT /api/v1/organization/mailing-address",
                JSON.readTree("{\"mailingAddress\":\"Fuzz Ltd, 1 Main St, Springfield\"}"));
        s.put("PUT /api/v1/settings/lead-health", JSON.readTree("{\"penalties\":{\"mx_unknown\":25},\"greenMin\":80,"
                + "\"yellowMin\":50,\"acceptRoleAccounts\":false,\"suspiciousTlds\":[\"zip\"]}"));
        s.put("PUT /api/v1/settings/send-retries",
                JSON.readTree("{\"baseTicks\":5,\"maxTicks\":60,\"giveUpTicks\":1440,\"jitterPercent\":10}"));
        return s;
    }

    private static JsonNode schemaSeed(JsonNode doc, FuzzCases.Operation op) {
        JsonNode schema = op.op().path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode() || "string".equals(schema.path("type").asString())) {
            return null;
        }
        return FuzzCases.instance(doc, schema, "body");
    }

    private static String schemaOf(String service) {
        return services.get(service).getEnvironment().getProperty("superkabe.schema");
    }

    /** A digest of every table's rows in the schema, except the tables that change on their own. */
    private static Map<String, String> digest(String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                        + "' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                if (!LEFT_OUT.contains(rs.getString(1)) && !rs.getString(1).startsWith("flyway")) {
                    tables.add(rs.getString(1));
                }
            }
        }
        String sql = tables.stream().map(t -> "SELECT '" + t + "', md5(coalesce(string_agg(x::text, '|' ORDER BY "
                + "x::text), '')) FROM " + schema + "." + t + " x").collect(Collectors.joining(" UNION ALL "))
                + " UNION ALL SELECT '" + OUTBOX + "', CAST(last_value AS TEXT) || is_called FROM " + schema
                + ".outbox_id_seq";
        Map<String, String> out = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * A lead the intake rules reject is answered with a problem and, by design, published as a
     * LeadRejected event with its reasons (the rejection is a fact others read); that one event is
     * the only write such a refusal may make, and no lead row is stored.
     */
    private static boolean recordedRejection(ApiProbe.Answer a) {
        try {
            return LEAD_REJECTED.equals(a.json().path("title").asString(""));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).toList();
    }

    /** After an accepted write: wait until the schema stops changing, so the next comparison is fair. */
    private static void quiesce(String schema) throws SQLException {
        Map<String, String> last = digest(schema);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Map<String, String> now = digest(schema);
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }
}
