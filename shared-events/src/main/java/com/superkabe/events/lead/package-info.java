/** Lead intake: the public submission format and the ingestion gate's verdicts. */
package com.superkabe.events.lead;
