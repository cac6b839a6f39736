/** The logical clock: one writer, one partition, consumed by every service that decides on time. */
package com.superkabe.events.clock;
