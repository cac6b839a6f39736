package com.superkabe.local;

/** The parts of the local stack a fault run breaks and repairs. */
record FaultStack(KafkaBroker kafka, ServiceFleet fleet, Http http) {
}
