/**
 * The sequencer's deterministic core: the CampaignLead run state machine as a pure decider,
 * templates and the run read-model projection. Time is a tick; ids are derived; no frameworks.
 */
package com.superkabe.sequencer.domain;
