/** CampaignLead run transitions and the send requests the dispatcher emits. */
package com.superkabe.events.run;
