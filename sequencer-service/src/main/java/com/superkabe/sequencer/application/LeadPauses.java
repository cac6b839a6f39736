package com.superkabe.sequencer.application;

import java.util.Collection;
import java.util.Set;

/** Port: leads an operator paused (every run of the lead), written only by the ordered input. */
public interface LeadPauses {

    void setLeadPaused(String orgId, String leadId, boolean paused);

    /** Which of these leads of the organization are paused. */
    Set<String> pausedLeads(String orgId, Collection<String> leadIds);
}
