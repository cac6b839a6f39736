package com.superkabe.events;

/** Header names of the envelope: CloudEvents 1.0 Kafka binary mode plus Superkabe extensions. */
public final class Headers {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String ORG_ID = "orgid";
    public static final String CAUSATION_ID = "causationid";
    public static final String CORRELATION_ID = "correlationid";
    public static final String LOGICAL_TIME = "logicaltime";

    private Headers() {
    }
}
