package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.HealthPolicies;
import com.superkabe.ingestion.domain.QualityPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policies as JSON rows, cached in memory for {@value #CACHE_SECONDS} s (the intake hot path must
 * not query per lead); a save on this replica takes effect at once, on others within the cache age.
 */
@Repository
class JdbcHealthPolicies implements HealthPolicies {

    private static final long CACHE_SECONDS = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Cached(Optional<QualityPolicy> policy, Instant loaded) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    JdbcHealthPolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<QualityPolicy> find(String orgId) {
        Instant now = clock.instant();
        Cached c = cache.get(orgId);
        if (c != null && Duration.between(c.loaded(), now).getSeconds() < CACHE_SECONDS) {
            return c.policy();
        }
        Optional<QualityPolicy> p = jdbc.sql("SELECT policy FROM lead_health_policy WHERE org_id = ?").param(orgId)
                .query(String.class).optional().map(JdbcHealthPolicies::read);
        cache.put(orgId, new Cached(p, now));
        return p;
    }

    @Override
    public void save(String orgId, QualityPolicy policy) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("penalties", policy.penalties());
        json.put("greenMin", policy.greenMin());
        json.put("yellowMin", policy.yellowMin());
        json.put("suspiciousTlds", policy.suspiciousTlds() == null ? null : List.copyOf(policy.suspiciousTlds()));
        json.put("acceptRoleAccounts", policy.acceptRoleAccounts());
        json.put("acceptSuspiciousTlds", policy.acceptSuspiciousTlds());
        json.put("smtputf8", policy.smtputf8());
        jdbc.sql("INSERT INTO lead_health_policy(org_id, policy) VALUES (?, ?) ON CONFLICT (org_id) "
                        + "DO UPDATE SET policy = EXCLUDED.policy, updated_at = now()")
                .params(orgId, JSON.writeValueAsString(json)).update();
        cache.remove(orgId);
    }

    private static QualityPolicy read(String text) {
        JsonNode n = JSON.readTree(text);
        Map<String, Integer> penalties = new LinkedHashMap<>();
        n.get("penalties").properties().forEach(e -> penalties.put(e.getKey(), e.getValue().asInt()));
        JsonNode tlds = n.get("suspiciousTlds");
        Set<String> tldSet = null;
        if (tlds != null && tlds.isArray()) {
            tldSet = new java.util.HashSet<>();
            for (JsonNode t : tlds) {
                tldSet.add(t.asString());
            }
        }
        return new QualityPolicy(penalties, n.get("greenMin").asInt(), n.get("yellowMin").asInt(), tldSet,
                flag(n, "acceptRoleAccounts"), flag(n, "acceptSuspiciousTlds"), flag(n, "smtputf8"));
    }

    /** Rows saved before a setting existed have it off. */
    private static boolean flag(JsonNode n, String field) {
        JsonNode f = n.get(field);
        return f != null && f.asBoolean();
    }
}
