package com.superkabe.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ControlCharacterFilterTest {

    private final ControlCharacterFilter filter = new ControlCharacterFilter();

    @Test
    void aWildcardContentTypeIsRefusedAs415ProblemInsteadOfFailingInsideSpring() throws Exception {
        for (String type : new String[] {"*/*", "text/*", "application/", "json"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/campaigns");
            request.setContentType(type);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request, response, chain);

            assertThat(response.getStatus()).as(type).isEqualTo(415);
            assertThat(response.getContentType()).as(type).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).as(type)
                    .contains("https://superkabe.dev/docs/problems.md#unsupported-media-type");
            assertThat(chain.getRequest()).as("the handler was not called for " + type).isNull();
        }
    }

    @Test
    void aConcreteContentTypeWithParametersPassesThrough() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/campaigns");
        request.setContentType("application/json; charset=UTF-8");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void aBidiOverrideInAQueryValueIsRefusedNamingTheParameter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/leads");
        request.setQueryString("status=ok&name=abc%E2%80%AEgpj.exe");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"field\":\"name\"").contains("U+202E");
        assertThat(chain.getRequest()).isNull();
    }
}
