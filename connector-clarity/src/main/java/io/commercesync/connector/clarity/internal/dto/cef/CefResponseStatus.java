package io.commercesync.connector.clarity.internal.dto.cef;

import java.util.List;

/** ServiceStack {@code ResponseStatus { ErrorCode, Message, StackTrace, Errors[] }} (reference §2.4 [C]). */
public record CefResponseStatus(String errorCode, String message, List<CefResponseError> errors) {}
