package io.commercesync.connector.clarity.internal.dto.cef;

/** ServiceStack {@code ResponseError { ErrorCode, FieldName, Message }} (reference §2.4 [C]). */
public record CefResponseError(String errorCode, String fieldName, String message) {}
