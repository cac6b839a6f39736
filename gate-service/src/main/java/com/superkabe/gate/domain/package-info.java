/** The execution gate's pure decision logic: ordered checks and failure classes. No frameworks. */
package com.superkabe.gate.domain;
