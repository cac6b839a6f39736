package com.superkabe.gateway;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;

/** The route table from the merged API document on the class path, and the proxy in front of everything. */
@Configuration(proxyBeanMethods = false)
class GatewayConfig {

    static final String DOCUMENT = "openapi.yaml";

    @Bean
    RouteTable routeTable() throws IOException {
        try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
            return RouteTable.fromOpenApi(in);
        }
    }

    /** Tomcat's own refusals (a NUL in the path, say) as problems, not its HTML page. */
    @Bean
    GatewayErrorValve.Installer gatewayErrorValve() {
        return new GatewayErrorValve.Installer();
    }

    /** First in the chain, so no filter reads a form body (RFC 8058 one-click POSTs) before it is forwarded. */
    @Bean
    FilterRegistrationBean<ReverseProxy> reverseProxy(RouteTable table, GatewayProperties properties) {
        FilterRegistrationBean<ReverseProxy> reg = new FilterRegistrationBean<>(new ReverseProxy(table, properties));
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
        reg.addUrlPatterns("/*");
        return reg;
    }
}
