/** The ingestion gate's pure checks: syntax, header injection; the verdict with its reasons. */
package com.superkabe.ingestion.domain;
