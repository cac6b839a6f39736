package com.superkabe.local;

/** Stands in for a service that cannot start, e.g. for want of a required property. */
public final class CrashingService {

    private CrashingService() {
    }

    public static void main(String[] args) {
        throw new IllegalStateException("superkabe.service must name this service, e.g. GATE");
    }
}
