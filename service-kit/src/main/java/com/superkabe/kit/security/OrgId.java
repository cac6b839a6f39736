package com.superkabe.kit.security;

/** The organization the calling API key belongs to; a controller parameter of this type is resolved from the key. */
public record OrgId(String value) {
}
