package com.superkabe.events.lead;

import com.superkabe.events.SuperkabeEvent;

/** Facts about leads at intake: submitted (public topic), accepted or rejected (ingestion gate). */
public sealed interface LeadEvent extends SuperkabeEvent permits LeadSubmitted, LeadAccepted, LeadRejected {
}
