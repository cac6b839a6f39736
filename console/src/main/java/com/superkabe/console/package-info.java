/**
 * The operator console: a Spring Boot application serving server-rendered pages under
 * {@code /console} that read and act only through the six services' public REST APIs (ADR 0037).
 */
package com.superkabe.console;
