package com.superkabe.gateway;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The merged API document the gateway routes by, for tools that want the whole API from the front door. */
@RestController
class DocumentController {

    @GetMapping("/openapi.yaml")
    ResponseEntity<Resource> document() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml"))
                .body(new ClassPathResource(GatewayConfig.DOCUMENT));
    }
}
