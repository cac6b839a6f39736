package com.superkabe.replypoller.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a notice was written by a content-filtering gateway: an appliance or hosted filter that
 * accepts mail in front of the recipient's own server and answers for it. Such a gateway says
 * "user unknown" for its own reasons (recipient lists it keeps, per-user rules, a filter verdict
 * given after DATA), so its words alone do not prove the address is invalid. Recognised by the
 * product's signature in the notice's own headers (its Received line, X-Mailer, MIME boundary, a
 * vendor header or its host name): McAfee Email Gateway (X-NAI-Header), m-FILTER, MailFoundry,
 * Active!Hunter and MX Logic; or by its own words ("not a registered gateway user").
 */
public final class FilteringGateways {

    private static final Pattern SIGNATURE = Pattern.compile("modified by mcafee|\\bm-filter\\b|\\(mailfoundry\\)"
            + "|active!hunter|\\.mxlogic\\.net");
    private static final List<String> HEADERS = List.of("X-NAI-Header", "X-Mailer", "Received", "From",
            "Message-ID", "Content-Type");

    private FilteringGateways() {
    }

    private static final Pattern SAYS_GATEWAY = Pattern.compile("(?i)\\bgateway user\\b");

    /** True when the notice's headers carry a gateway's signature, or its words say a gateway refused. */
    public static boolean wroteNotice(MailContent c) {
        if (c.parts().stream().anyMatch(p -> !p.mimeType().startsWith("message/rfc822")
                && SAYS_GATEWAY.matcher(p.text()).find())) {
            return true;
        }
        for (String h : HEADERS) {
            List<String> values = c.headers().getOrDefault(h, List.of());
            for (String v : values) {
                if (SIGNATURE.matcher(v.toLowerCase(Locale.ROOT)).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
