package com.superkabe.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainTableTest {

    private static Map<String, Object> domain(String name, long mailboxes, long unhealthy) {
        return Map.of("domain", name, "state", "healthy", "mailboxes", mailboxes, "unhealthyMailboxes", unhealthy);
    }

    @Test
    void theFilteredDomainComesFirstThenTheLargestUnhealthyShare() {
        List<Map<String, Object>> domains = List.of(domain("a.test", 10, 1), domain("b.test", 4, 2),
                domain("c.test", 0, 0), domain("d.test", 10, 0));

        assertThat(DomainTable.worstFirst(domains, null)).extracting(d -> d.get("domain"))
                .containsExactly("b.test", "a.test", "c.test", "d.test");
        assertThat(DomainTable.worstFirst(domains, " D.test ")).extracting(d -> d.get("domain"))
                .containsExactly("d.test", "b.test", "a.test", "c.test");
    }
}
