package com.superkabe.replypoller.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code superkabe.providers.*}: where the Gmail API and Microsoft Graph live (the same keys as the send
 * adapter's, so one deployment setting serves both) and how far back Graph's full resync looks.
 *
 * @param gmail the Gmail API
 * @param graph Microsoft Graph
 */
@Validated
@ConfigurationProperties("superkabe.providers")
public record ProviderProperties(@Valid @NotNull @DefaultValue Gmail gmail, @Valid @NotNull @DefaultValue Graph graph) {

    /**
     * The Gmail API origin and Google's OAuth2 token endpoint (refresh-token grant).
     *
     * @param baseUrl the Gmail API origin (default https://gmail.googleapis.com)
     * @param tokenUrl Google's OAuth2 token endpoint (default https://oauth2.googleapis.com/token)
     */
    public record Gmail(
            @NotBlank(message = "superkabe.providers.gmail.base-url must not be blank")
            @DefaultValue("https://gmail.googleapis.com") String baseUrl,
            @NotBlank(message = "superkabe.providers.gmail.token-url must not be blank")
            @DefaultValue("https://oauth2.googleapis.com/token") String tokenUrl) {
    }

    /**
     * The Graph origin, the token endpoint with a {@code {tenant}} placeholder, and the resync window.
     *
     * @param baseUrl the Graph API origin (default https://graph.microsoft.com)
     * @param tokenUrl the OAuth2 token endpoint, with a {tenant} placeholder
     * @param resyncLookback how far back Graph's full resync looks (default 14d)
     */
    public record Graph(
            @NotBlank(message = "superkabe.providers.graph.base-url must not be blank")
            @DefaultValue("https://graph.microsoft.com") String baseUrl,
            @NotBlank(message = "superkabe.providers.graph.token-url must not be blank")
            @DefaultValue("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token") String tokenUrl,
            @NotNull @DefaultValue("14d") Duration resyncLookback) {
        public Graph {
            if (resyncLookback != null && (resyncLookback.isNegative() || resyncLookback.isZero())) {
                throw new IllegalArgumentException("superkabe.providers.graph.resync-lookback must be positive, was "
                        + resyncLookback);
            }
        }
    }
}
