package com.superkabe.sequencer.application;

import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.sequencer.domain.dispatch.EspThrottle;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the throttled (mailbox, recipient ESP) pairs (ADR 0019). */
public interface EspThrottles {

    /** A throttled pair, with the organization of the mailbox for its events. */
    record Throttled(String orgId, String mailboxId, RecipientEsp esp, EspThrottle throttle) {
    }

    Optional<EspThrottle> throttle(String mailboxId, RecipientEsp esp);

    /** Sets the pair's throttle, or lifts it when {@code throttle} is empty. */
    void setThrottle(String orgId, String mailboxId, RecipientEsp esp, Optional<EspThrottle> throttle);

    /** The throttles whose last change was at or before {@code tick}, by mailbox and ESP. */
    List<Throttled> changedAtOrBefore(long tick);

    /** The throttles of these mailboxes, keyed by mailbox then ESP. */
    Map<String, Map<RecipientEsp, EspThrottle>> throttles(Collection<String> mailboxIds);
}
