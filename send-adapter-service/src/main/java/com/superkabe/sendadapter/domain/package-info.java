/**
 * The send adapter's rules: the exactly-once guard, engine-assigned Message-IDs, delivery outcomes,
 * signed tracking tokens and the tracking parts added to a body.
 */
package com.superkabe.sendadapter.domain;
