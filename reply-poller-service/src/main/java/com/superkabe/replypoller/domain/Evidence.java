package com.superkabe.replypoller.domain;

/**
 * What a notice says about one failed recipient, before it is judged: the enhanced {@code status}
 * (may be null), the SMTP reply code (0 when none), the recipient's own {@code diagnostic} text, the
 * whole notice as {@code context}, whether the report only says delivery is {@code delayed}, whether
 * a content-filtering {@code gateway} wrote it, and whether the diagnostic comes from a
 * {@code localProgram} (RFC 3464 diagnostic type {@code x-unix}: the receiver's own delivery program
 * failed, e.g. procmail, which says nothing about the address).
 */
record Evidence(String status, int smtpCode, String diagnostic, String context, boolean delayed, boolean gateway,
                boolean localProgram) {

    Evidence {
        diagnostic = diagnostic == null ? "" : diagnostic;
        context = context == null ? "" : context;
    }

    /** The recipient this evidence is about, with its reason, taxonomy entry and class. */
    BouncedRecipient judge(String address) {
        String reason = BounceReasons.reason(this);
        String effectiveStatus = status != null ? status : smtpCode >= 400 ? smtpCode / 100 + ".0.0" : null;
        BounceClass cls = delayed ? BounceClass.SOFT : BounceReasons.classOf(reason, effectiveStatus, smtpCode);
        return new BouncedRecipient(address, cls, status, smtpCode, reason, diagnostic.strip(),
                BounceReasons.category(reason, delayed), delayed);
    }
}
