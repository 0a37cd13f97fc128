package io.commercesync.connector.clarity.internal.dto.v1;

/** {@code errors[] { pointer, code, message }} of a problem; {@code pointer} is an RFC 6901 JSON Pointer. */
public record V1ProblemError(String pointer, String code, String message) {}
