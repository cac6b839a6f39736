/** Execution-gate decisions, each carrying every check's outcome so decisions are explainable. */
package com.superkabe.events.gate;
