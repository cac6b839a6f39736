package com.superkabe.sendadapter.application;

import com.superkabe.events.EventIds;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.send.EmailClicked;
import com.superkabe.events.send.EmailOpened;
import com.superkabe.events.send.EmailUnsubscribed;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.sendadapter.domain.TokenCheck;
import com.superkabe.sendadapter.domain.TrackingPurpose;
import com.superkabe.sendadapter.domain.TrackingTokens;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The public tracking routes' use cases. A token that is forged, expired, garbled, issued for
 * another purpose or names an unknown send has no effect and publishes nothing (fail closed);
 * callers answer it without saying why. Each engagement is published at most once, with an id
 * derived from the send (and URL), so a repeated unsubscribe is the same fact, not a new one.
 * Callers run each method in one transaction.
 */
public class TrackingService {

    /** How an unsubscribe arrived: an RFC 8058 one-click POST, or the confirmation page's button. */
    public enum Method { ONE_CLICK, LINK }

    private final TrackingTokens tokens;
    private final TrackedSends sends;
    private final EventSink events;
    private final Envelopes envelopes;
    private final Clock clock;

    public TrackingService(TrackingTokens tokens, TrackedSends sends, EventSink events, Envelopes envelopes,
                           Clock clock) {
        this.tokens = tokens;
        this.sends = sends;
        this.events = events;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    /** The send a valid unsubscribe token names, for the confirmation page; changes nothing. */
    public Optional<TrackedSend> unsubscribeTarget(String token) {
        return send(token, TrackingPurpose.UNSUBSCRIBE, null);
    }

    /** True when the token is valid (first use or repeat); only the first use publishes. */
    public boolean unsubscribe(String token, Method method) {
        Optional<TrackedSend> send = unsubscribeTarget(token);
        send.ifPresent(s -> publishFirst("unsubscribe/" + s.sendId(), s, new EmailUnsubscribed(s.orgId(),
                s.sendId(), s.runId(), s.campaignId(), s.leadId(), s.mailboxId(), s.step(), s.recipient(),
                s.messageId(), method.name())));
        return send.isPresent();
    }

    /** Reports the first fetch of a send's open pixel. */
    public void opened(String token) {
        send(token, TrackingPurpose.OPEN, null).ifPresent(s -> publishFirst("open/" + s.sendId(), s,
                new EmailOpened(s.orgId(), s.sendId(), s.runId(), s.campaignId(), s.leadId(), s.mailboxId(),
                        s.step(), s.recipient(), s.messageId())));
    }

    /**
     * The destination to redirect to, if the token signs exactly this http(s) URL; the first click
     * per send and URL is reported. A validly signed URL is followed even if the send is unknown.
     */
    public Optional<String> clicked(String token, String url) {
        if (url == null || !isWebUrl(url) || !(tokens.verify(token, TrackingPurpose.CLICK, url, clock.instant())
                instanceof TokenCheck.Valid valid)) {
            return Optional.empty();
        }
        String sendId = valid.token().sendId();
        sends.find(sendId).ifPresent(s -> publishFirst("click/" + sendId + "/" + EventIds.derive(url), s,
                new EmailClicked(s.orgId(), s.sendId(), s.runId(), s.campaignId(), s.leadId(), s.mailboxId(),
                        s.step(), s.recipient(), s.messageId(), url)));
        return Optional.of(url);
    }

    private Optional<TrackedSend> send(String token, TrackingPurpose purpose, String boundUrl) {
        if (tokens.verify(token, purpose, boundUrl, clock.instant()) instanceof TokenCheck.Valid valid) {
            return sends.find(valid.token().sendId());
        }
        return Optional.empty();
    }

    private void publishFirst(String key, TrackedSend send, SuperkabeEvent event) {
        if (sends.recordFirst(key, send.sendId(), key.substring(0, key.indexOf('/')))) {
            events.publish(envelopes.origin(key, -1, event));
        }
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
