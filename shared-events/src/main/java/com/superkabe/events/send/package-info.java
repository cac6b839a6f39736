/** Delivery outcomes from the send adapter: the protection layer's raw material. */
package com.superkabe.events.send;
