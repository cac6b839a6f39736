package com.superkabe.kit.web;

import com.superkabe.kit.security.OrgId;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;

/**
 * Each service's OpenAPI 3.1 document at {@code /v3/api-docs} (Swagger UI beside it): the API-key
 * schemes, and the RFC 9457 problems every operation can answer, with an example each (ADR 0030).
 */
@AutoConfiguration
public class OpenApiDocs {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    static {
        // resolved from the API key by OrgIdResolver, never sent by the caller
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(OrgId.class);
    }

    @Bean
    OpenAPI superkabeOpenApi(@Value("${spring.application.name:superkabe}") String service) {
        Components components = new Components()
                .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                        .description("The organization's API key; 'Authorization: Bearer <key>' works too"))
                .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("The organization's API key as a bearer token"))
                .addSecuritySchemes("adminToken", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("X-Admin-Token")
                        .description("The operator's token (superkabe.admin-token) for /admin/ calls"))
                .addSchemas(PROBLEM, problemSchema());
        return new OpenAPI()
                .info(new Info().title("Superkabe " + service).version("v1")
                        .description("The " + service + " API. Problems (RFC 9457) link their type to "
                                + ProblemTypes.BASE.substring(0, ProblemTypes.BASE.length() - 1) + "."))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(components);
    }

    /** Security and problem responses by path family: /api/ needs a key, /admin/ the token, /t/ nothing. */
    @Bean
    GlobalOpenApiCustomizer superkabeProblemsAndSecurity() {
        return openApi -> {
            // added here too: springdoc drops component schemas nothing referenced before customizers ran
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, op) -> document(path, method, op)));
        };
    }

    static void document(String path, PathItem.HttpMethod method, Operation op) {
        if (path.startsWith("/api/")) {
            op.setSecurity(List.of(new SecurityRequirement().addList("apiKey"),
                    new SecurityRequirement().addList("bearer")));
            respond(op, HttpStatus.UNAUTHORIZED, "No API key, or one that is not known");
        } else if (path.startsWith("/admin/")) {
            op.setSecurity(List.of(new SecurityRequirement().addList("adminToken")));
            respond(op, HttpStatus.UNAUTHORIZED, "A valid X-Admin-Token is required");
        } else {
            op.setSecurity(List.of());
        }
        boolean takesInput = op.getRequestBody() != null
                || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (takesInput) {
            respond(op, HttpStatus.BAD_REQUEST, "field: what is wrong with it");
        }
        if (path.contains("{")) {
            respond(op, HttpStatus.NOT_FOUND, "The resource does not exist in this organization");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH) {
            respond(op, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'text/html' is not supported");
        }
        if (op.getResponses() != null && !op.getResponses().containsKey("default")) {
            op.getResponses().addApiResponse("default", problemResponse(HttpStatus.INTERNAL_SERVER_ERROR,
                    "The server could not handle the request"));
        }
    }

    private static void respond(Operation op, HttpStatus status, String detail) {
        String code = String.valueOf(status.value());
        if (op.getResponses() != null && !op.getResponses().containsKey(code)) {
            op.getResponses().addApiResponse(code, problemResponse(status, detail));
        }
    }

    static ApiResponse problemResponse(HttpStatus status, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemTypes.forStatus(status.value()).toString());
        example.put("title", status.getReasonPhrase());
        example.put("status", status.value());
        example.put("detail", detail);
        if (status == HttpStatus.BAD_REQUEST) {
            example.put("errors", List.of(Map.of("field", "field", "message", "what is wrong with it")));
        }
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                .example(example);
        return new ApiResponse().description(status.getReasonPhrase() + " (problem: "
                + ProblemTypes.forStatus(status.value()) + ")").content(new Content().addMediaType(PROBLEM_JSON, media));
    }

    static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("dotted path of the bad field, e.g. steps[1].subject"));
        error.addProperty("pointer", new StringSchema().description("RFC 6901 pointer into a JSON body"));
        error.addProperty("message", new StringSchema());
        error.setRequired(List.of("field", "message"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details; 'type' links to its section of docs/problems.md");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                .maximum(java.math.BigDecimal.valueOf(599)));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(error));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
