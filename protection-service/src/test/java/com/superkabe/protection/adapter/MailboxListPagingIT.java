package com.superkabe.protection.adapter;

import static com.superkabe.protection.adapter.ProtectionServiceIT.http;
import static com.superkabe.protection.adapter.ProtectionServiceIT.kafka;
import static com.superkabe.protection.adapter.ProtectionServiceIT.origin;
import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.ApiProbe;
import com.superkabe.kit.testing.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The mailbox list's keyset pages, filters and database counts on the shared real stack, for an
 * organization of its own: nine mailboxes on two domains and two providers, registered in
 * the reverse of their addresses' order.
 */
class MailboxListPagingIT {

    static final String KEY = "paging-key-" + UUID.randomUUID();
    static final String ORG = "org-paging";
    static final String LIST = "/api/v1/protection/mailboxes";
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(next|prev)\"");

    @BeforeAll
    static void start() {
        ProtectionServiceIT.ensureStarted();
        kafka.publish(origin(new OrganizationRegistered(ORG, "Paging", ApiKeys.sha256(KEY))));
        for (int i = 0; i < 9; i++) {
            String domain = i % 3 == 0 ? "gamma.test" : "alpha.test";
            kafka.publish(origin(new MailboxRegistered(ORG, "pg-" + i, "box" + (8 - i) + "@" + domain, domain,
                    i % 2 == 0 ? "smtp" : "gmail", 50, null, null)));
        }
        TestHttp.until(() -> http.get(LIST, "X-Api-Key", KEY),
                r -> r.status() == 200 && r.json().size() == 9
                        && r.json().valueStream().allMatch(m -> m.get("registered").asBoolean()),
                Duration.ofSeconds(60));
    }

    @Test
    void pagesWalkEveryMailboxOnceInAddressOrderAndComeBackTheSameWay() {
        List<String> forward = new ArrayList<>();
        List<String> firstPage = null;
        String next = LIST + "?limit=4";
        String prevOfLast = null;
        int pages = 0;
        while (next != null) {
            TestHttp.Response page = http.get(next, "X-Api-Key", KEY);
            assertThat(page.status()).isEqualTo(200);
            assertThat(header(page, "X-Total-Count")).isEqualTo("9");
            List<String> addresses = addresses(page.json());
            if (firstPage == null) {
                firstPage = addresses;
                assertThat(links(page)).as("the first page has no previous page").doesNotContainKey("prev");
            }
            forward.addAll(addresses);
            prevOfLast = links(page).get("prev");
            next = links(page).get("next");
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(forward).containsExactly("box0@alpha.test", "box1@alpha.test", "box2@gamma.test",
                "box3@alpha.test", "box4@alpha.test", "box5@gamma.test", "box6@alpha.test", "box7@alpha.test",
                "box8@gamma.test");
        TestHttp.Response middle = http.get(prevOfLast, "X-Api-Key", KEY);
        assertThat(addresses(middle.json())).containsExactly("box4@alpha.test", "box5@gamma.test",
                "box6@alpha.test", "box7@alpha.test");
        TestHttp.Response first = http.get(links(middle).get("prev"), "X-Api-Key", KEY);
        assertThat(addresses(first.json())).isEqualTo(firstPage);
        assertThat(links(first)).as("back at the start").doesNotContainKey("prev").containsKey("next");
    }

    @Test
    void filtersByDomainAndProviderAreKeptOnTheNextPageAndCounted() {
        TestHttp.Response page = http.get(LIST + "?domain=ALPHA.test&provider=gmail&limit=2", "X-Api-Key", KEY);

        assertThat(header(page, "X-Total-Count")).isEqualTo("3");
        assertThat(addresses(page.json())).containsExactly("box1@alpha.test", "box3@alpha.test");
        assertThat(page.json().get(0).get("provider").asString()).isEqualTo("GMAIL");
        String next = links(page).get("next");
        assertThat(next).containsIgnoringCase("domain=alpha.test").containsIgnoringCase("provider=gmail")
                .contains("limit=2");
        TestHttp.Response second = http.get(next, "X-Api-Key", KEY);
        assertThat(addresses(second.json())).containsExactly("box7@alpha.test");
        assertThat(links(second)).doesNotContainKey("next");
    }

    @Test
    void countsPerStateAndTheLastTransitionsReasonComeFromTheDatabase() {
        assertThat(http.post(LIST + "/pg-4/transitions", "{\"target\":\"paused\",\"reason\":\"paging check\","
                + "\"force\":true}", "X-Api-Key", KEY).status()).isEqualTo(201);

        JsonNode counts = http.get("/api/v1/protection/mailbox-counts", "X-Api-Key", KEY).json();
        TestHttp.Response paused = http.get(LIST + "?state=paused", "X-Api-Key", KEY);

        assertThat(counts.get("mailboxes").asLong()).isEqualTo(9);
        assertThat(counts.get("states").get("paused").asLong()).isEqualTo(1);
        assertThat(counts.get("states").get("healthy").asLong() + counts.get("states").get("warming").asLong()
                + counts.get("states").get("warning").asLong()).isEqualTo(8);
        assertThat(counts.get("states").has("quarantine")).as("every state, zero included").isTrue();
        assertThat(counts.get("providers").get("SMTP").asLong()).isEqualTo(5);
        assertThat(counts.get("providers").get("GMAIL").asLong()).isEqualTo(4);
        assertThat(header(paused, "X-Total-Count")).isEqualTo("1");
        assertThat(paused.json().get(0).get("mailboxId").asString()).isEqualTo("pg-4");
        assertThat(paused.json().get(0).get("lastReason").asString()).isEqualTo("paging check");
    }

    @Test
    void domainsComeWorstFirstWhenAskedWithTheirCount() {
        assertThat(http.post(LIST + "/pg-0/transitions", "{\"target\":\"warning\",\"reason\":\"share check\","
                + "\"force\":true}", "X-Api-Key", KEY).status()).isEqualTo(201);

        TestHttp.Response worst = TestHttp.until(() -> http.get("/api/v1/protection/domains?order=unhealthy-share&limit=1",
                "X-Api-Key", KEY), r -> r.status() == 200 && r.json().get(0).get("unhealthyMailboxes").asInt() == 1,
                Duration.ofSeconds(30));
        TestHttp.Response byName = http.get("/api/v1/protection/domains", "X-Api-Key", KEY);

        assertThat(worst.json()).hasSize(1);
        assertThat(worst.json().get(0).get("domain").asString()).isEqualTo("gamma.test");
        assertThat(header(worst, "X-Total-Count")).isEqualTo("2");
        assertThat(byName.json().get(0).get("domain").asString()).isEqualTo("alpha.test");
    }

    @Test
    void aLimitOutOfRangeOrACursorItDidNotGiveOutIsAProblemNamingTheParameter() {
        ApiProbe probe = ApiProbe.of(ProtectionServiceIT.protection);
        ApiProbe.Checks checks = new ApiProbe.Checks();
        for (Map.Entry<String, String> bad : Map.of("limit=0", "limit", "limit=1001", "limit", "limit=ten", "limit",
                "limit=99999999999", "limit", "after=%21%21", "after", "after=Ym94", "after", "before=Ym94", "before",
                "after=Ym94CnBnLTE&before=Ym94CnBnLTE", "before", "domain=" + "d".repeat(300), "domain",
                // "bo\u0000x\npg-1": the NUL reached the query and the database's refusal named "body"
                "after=Ym8AeApwZy0x", "after").entrySet()) {
            checks.problem(probe.send("GET", LIST + "?" + bad.getKey(), null, null, "X-Api-Key", KEY), bad.getValue(),
                    bad.getKey());
        }
        checks.problem(probe.send("GET", "/api/v1/protection/domains?limit=0", null, null, "X-Api-Key", KEY), "limit",
                "domains limit=0");
        checks.problem(probe.send("GET", "/api/v1/protection/domains?order=size", null, null, "X-Api-Key", KEY),
                "order", "domains order=size");
        checks.assertNone();
    }

    private static List<String> addresses(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.forEach(m -> out.add(m.get("address").asString()));
        return out;
    }

    private static String header(TestHttp.Response r, String name) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }

    private static Map<String, String> links(TestHttp.Response r) {
        Map<String, String> out = new java.util.HashMap<>();
        String link = header(r, "Link");
        if (link != null) {
            Matcher m = LINK.matcher(link);
            while (m.find()) {
                out.put(m.group(2), m.group(1));
            }
        }
        return out;
    }
}
