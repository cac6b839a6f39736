/** Campaign configuration facts published by the sequencer. */
package com.superkabe.events.campaign;
