package com.superkabe.testsmtp;

/** The points of an SMTP conversation a script can answer. */
public enum Step {
    /** The server's first line on a new connection. */
    GREETING,
    /** The reply to AUTH, after the credentials were read. */
    AUTH,
    /** The reply to MAIL FROM. */
    MAIL,
    /** The reply to RCPT TO; a script for a recipient applies to that recipient only. */
    RCPT,
    /** The reply after the message's final dot; a script for a recipient applies to messages addressed to it. */
    DATA
}
