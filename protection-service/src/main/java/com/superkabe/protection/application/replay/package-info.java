/**
 * Protection's decisions re-made from topic history alone: the same deciders, in the order the
 * inputs were recorded, with every row the service would read kept in memory. Used by the golden
 * history tests and by the operator CLI's {@code verify} and {@code what-if} (ADR 0033).
 */
package com.superkabe.protection.application.replay;
