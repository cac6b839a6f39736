package com.superkabe.sendadapter.application;

import com.superkabe.sendadapter.domain.TrackedBody;
import com.superkabe.sendadapter.domain.TrackingPurpose;
import com.superkabe.sendadapter.domain.TrackingToken;
import com.superkabe.sendadapter.domain.TrackingTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds the public tracking URLs of one send under {@code baseUrl}: {@code /t/u/TOKEN} (unsubscribe),
 * {@code /t/o/TOKEN} (open pixel) and {@code /t/c/TOKEN?u=URL} (click; the token signs the URL).
 * Tokens are issued at the send request's time, so the same request always yields the same links.
 */
public class TrackingLinks {

    private final TrackingTokens tokens;
    private final String baseUrl;
    private final boolean openPixel;
    private final boolean clickTracking;

    public TrackingLinks(TrackingTokens tokens, String baseUrl, boolean openPixel, boolean clickTracking) {
        this.tokens = tokens;
        this.baseUrl = baseUrl;
        this.openPixel = openPixel;
        this.clickTracking = clickTracking;
    }

    public String unsubscribeUrl(String sendId, Instant issuedAt) {
        return baseUrl + "/t/u/" + tokens.issue(new TrackingToken(TrackingPurpose.UNSUBSCRIBE, sendId, issuedAt));
    }

    /** {@code tracked} false (EU compliance mode): only the unsubscribe link, no pixel or click routing. */
    public TrackedBody.Links links(String sendId, Instant issuedAt, boolean tracked) {
        boolean openPixel = tracked && this.openPixel;
        boolean clickTracking = tracked && this.clickTracking;
        String pixel = openPixel
                ? baseUrl + "/t/o/" + tokens.issue(new TrackingToken(TrackingPurpose.OPEN, sendId, issuedAt)) : null;
        TrackingToken click = new TrackingToken(TrackingPurpose.CLICK, sendId, issuedAt);
        return new TrackedBody.Links(unsubscribeUrl(sendId, issuedAt), pixel, clickTracking
                ? url -> baseUrl + "/t/c/" + tokens.issue(click, url) + "?u=" + URLEncoder.encode(url,
                        StandardCharsets.UTF_8)
                : null);
    }
}
