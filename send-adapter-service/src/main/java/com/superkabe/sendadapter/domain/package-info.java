/** The send adapter's rules: the exactly-once guard, engine-assigned Message-IDs, delivery outcomes. */
package com.superkabe.sendadapter.domain;
