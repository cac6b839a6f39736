package com.superkabe.protection.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.ApiProbe;
import com.superkabe.kit.testing.TestHttp;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random JSON values in every field of protection's write endpoints, for an organization of its
 * own: whatever the value, the answer is never a 5xx, and a refusal is a problem naming a field.
 */
class ProtectionApiFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORG = "org-fuzz-" + UUID.randomUUID();
    private static final String KEY = "fuzz-key-" + UUID.randomUUID();
    private static final List<String> POLICY_FIELDS = List.of("warningBounces", "warningWindow", "pauseBounces",
            "pauseWindow", "cooldownTicks", "warmNewMailboxes", "complaintWarningPercent", "complaintPausePercent",
            "complaintMinimumSends", "complaintWindowDays", "reason");
    private static ApiProbe probe;

    @BeforeContainer
    static void start() {
        ProtectionServiceIT.ensureStarted();
        probe = ApiProbe.of(ProtectionServiceIT.protection);
        ProtectionServiceIT.kafka.publish(ProtectionServiceIT.origin(new OrganizationRegistered(ORG, "Fuzz",
                ApiKeys.sha256(KEY))));
        TestHttp.until(() -> ProtectionServiceIT.http.get("/api/v1/protection/mode", "X-Api-Key", KEY),
                r -> r.status() == 200, Duration.ofSeconds(30));
    }

    @Property(tries = 200, generation = net.jqwik.api.GenerationMode.RANDOMIZED)
    void anyPolicyBodyIsAnsweredWithoutA5xxAndARefusalNamesAField(@ForAll("policies") Map<String, Object> body) {
        check("PUT", "/api/v1/protection/policy", body, POLICY_FIELDS);
    }

    /** Found by the property above in CI: a null cooldown used to reach {@code List.copyOf} and answer 500. */
    @net.jqwik.api.Example
    void aNullCooldownEntryIsRefusedNamingTheField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "");
        body.put("cooldownTicks", java.util.Arrays.asList((Object) null));
        check("PUT", "/api/v1/protection/policy", body, POLICY_FIELDS);
        body.put("warningBounces", "\u0000");
        check("PUT", "/api/v1/protection/policy", body, POLICY_FIELDS);
    }

    @Property(tries = 150, generation = net.jqwik.api.GenerationMode.RANDOMIZED)
    void anyModeOrTransitionBodyIsAnsweredWithoutA5xxAndARefusalNamesAField(
            @ForAll("modes") Map<String, Object> mode, @ForAll("transitions") Map<String, Object> transition) {
        check("PUT", "/api/v1/protection/mode", mode, List.of("mode", "reason"));
        check("POST", "/api/v1/protection/mailboxes/mb-fuzz/transitions", transition, List.of("target", "reason", "force"));
    }

    @Provide
    Arbitrary<Map<String, Object>> policies() {
        return bodies(POLICY_FIELDS);
    }

    @Provide
    Arbitrary<Map<String, Object>> modes() {
        return bodies(List.of("mode", "reason"));
    }

    @Provide
    Arbitrary<Map<String, Object>> transitions() {
        return bodies(List.of("target", "reason", "force"));
    }

    private static void check(String method, String path, Map<String, Object> body, List<String> fields) {
        String json = JSON.writeValueAsString(body);
        ApiProbe.Answer a = probe.json(method, path, json, "X-Api-Key", KEY);
        assertThat(a.status()).as("%s %s %s → %s", method, path, json, a.body()).isLessThan(500);
        if (a.status() >= 400) {
            assertThat(a.contentType()).as(json).startsWith("application/problem+json");
            JsonNode errors = a.json().get("errors");
            if (a.status() == 400 || a.status() == 422) {
                assertThat(errors).as("%s → %s", json, a.body()).isNotNull();
                String field = errors.get(0).get("field").asString();
                assertThat(Set.of("body").contains(field) || fields.stream().anyMatch(field::startsWith))
                        .as("%s names %s", json, field).isTrue();
            }
        }
    }

    private static Arbitrary<Map<String, Object>> bodies(List<String> fields) {
        Arbitrary<Object> value = anyValue();
        return Arbitraries.subsetOf(fields).flatMap(chosen -> {
            List<String> names = new ArrayList<>(chosen);
            return value.list().ofSize(names.size()).map(values -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    m.put(names.get(i), values.get(i));
                }
                return m;
            });
        });
    }

    /** Strings with and without control characters, numbers of every size, booleans, null, arrays, objects. */
    private static Arbitrary<Object> anyValue() {
        Arbitrary<Object> text = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0000', '\u007f').withChars('\u00e9', '\u202e', '\ud800', '\udc00',
                        '\ufeff').ofMaxLength(12),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(995).ofMaxLength(1010)).map(s -> s);
        Arbitrary<Object> word = Arbitraries.of("paused", "healthy", "OBSERVE", "ENFORCE", "quarantine", "ok")
                .map(s -> s);
        Arbitrary<Object> number = Arbitraries.oneOf(Arbitraries.integers().between(-5, 5000).map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(19), BigInteger.TEN.pow(30)).map(b -> (Object) b),
                Arbitraries.of("1E+400", "1E-400", "-0.0", "0.0001", "99.9995", "1E+2147483647").map(d -> (Object)
                        new java.math.BigDecimal(d)));
        Arbitrary<Object> scalar = Arbitraries.oneOf(text, word, number, Arbitraries.of(true, false).map(b -> b),
                Arbitraries.just((Object) null));
        Arbitrary<Object> list = Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(2).map(l -> (Object) l))
                .list().ofMaxSize(3).map(l -> l);
        Arbitrary<Object> object = scalar.map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("x", v);
            return m;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, scalar), net.jqwik.api.Tuple.of(2, list),
                net.jqwik.api.Tuple.of(1, object));
    }
}
