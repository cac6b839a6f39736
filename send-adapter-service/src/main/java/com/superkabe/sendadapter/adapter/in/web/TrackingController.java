package com.superkabe.sendadapter.adapter.in.web;

import com.superkabe.kit.web.ApiProblem;
import com.superkabe.mailguard.ControlCharacters;
import com.superkabe.sendadapter.application.TrackingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public tracking routes, reached from emails without any API key (the key filter guards only
 * {@code /api/**}). Bad tokens fail closed and silently: the unsubscribe routes answer 404 with the
 * same neutral page for every reason, the pixel is served anyway, a click is a 404 problem and is
 * never redirected. Unsubscribing needs a POST: a GET only shows the confirmation form, because
 * scanners and previews fetch links.
 */
@RestController
@RequestMapping("/t")
class TrackingController {

    private static final Logger log = LoggerFactory.getLogger(TrackingController.class);
    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final String ONE_CLICK = "One-Click";

    private final TrackingService tracking;
    private final TransactionTemplate tx;

    TrackingController(TrackingService tracking, TransactionTemplate tx) {
        this.tracking = tracking;
        this.tx = tx;
    }

    @Operation(summary = "The unsubscribe confirmation page (an HTML form that POSTs back)", responses = {
            @ApiResponse(responseCode = "200", description = "the confirmation page", content = @Content(
                    mediaType = "text/html", schema = @Schema(type = "string"))),
            @ApiResponse(responseCode = "404", description = "an unknown or expired token: a page saying so",
                    content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))})
    @GetMapping("/u/{token}")
    ResponseEntity<String> confirmUnsubscribe(@PathVariable String token) {
        if (tracking.unsubscribeTarget(token).isEmpty()) {
            return page(HttpStatus.NOT_FOUND, TrackingPages.invalid());
        }
        return page(HttpStatus.OK, TrackingPages.confirm());
    }

    /** RFC 8058 one-click (body {@code List-Unsubscribe=One-Click}) and the confirmation form's button. */
    @Operation(summary = "Unsubscribe the recipient org-wide: RFC 8058 one-click (form body "
            + "List-Unsubscribe=One-Click) or the confirmation page's button", responses = {
            @ApiResponse(responseCode = "200", description = "unsubscribed: a page saying so", content = @Content(
                    mediaType = "text/html", schema = @Schema(type = "string"))),
            @ApiResponse(responseCode = "404", description = "an unknown or expired token: a page saying so",
                    content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))})
    @PostMapping("/u/{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String token,
                                       @RequestParam(name = "List-Unsubscribe", required = false) String oneClick) {
        TrackingService.Method method = ONE_CLICK.equalsIgnoreCase(oneClick) ? TrackingService.Method.ONE_CLICK
                : TrackingService.Method.LINK;
        boolean done = Boolean.TRUE.equals(tx.execute(s -> tracking.unsubscribe(token, method)));
        return done ? page(HttpStatus.OK, TrackingPages.unsubscribed())
                : page(HttpStatus.NOT_FOUND, TrackingPages.invalid());
    }

    @Operation(summary = "The open-tracking pixel, served whatever the token", responses =
            @ApiResponse(responseCode = "200", description = "a 1×1 transparent GIF", content = @Content(
                    mediaType = "image/gif", schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/o/{token}")
    ResponseEntity<byte[]> pixel(@PathVariable String token) {
        try {
            tx.executeWithoutResult(s -> tracking.opened(token));
        } catch (RuntimeException e) {
            // an open is a weak signal; the image is served whatever happened to its bookkeeping
            log.warn("Open for a tracking token could not be recorded: {}", ControlCharacters.escaped(e));
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore())
                .body(PIXEL);
    }

    @Operation(summary = "A tracked link: records the click and redirects to the link's target", responses =
            @ApiResponse(responseCode = "302", description = "to the target, in Location"))
    @GetMapping("/c/{token}")
    ResponseEntity<Void> click(@PathVariable String token, @RequestParam(name = "u", required = false) String url) {
        Optional<String> target = tx.execute(s -> tracking.clicked(token, url));
        if (target == null || target.isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, null, "This link is not valid or has expired");
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target.get()))
                .cacheControl(CacheControl.noStore()).build();
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex").header("Referrer-Policy", "no-referrer").body(html);
    }
}
