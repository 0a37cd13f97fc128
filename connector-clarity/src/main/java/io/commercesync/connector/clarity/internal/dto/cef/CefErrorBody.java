package io.commercesync.connector.clarity.internal.dto.cef;

/**
 * A native error body. ServiceStack wraps {@code ResponseStatus}; CEF's uncaught-exception handler
 * writes {@code { StatusCode, StatusDescription, Message }} for 401/403 and
 * {@code { Code, LogID, Message }} for coded errors (S1 {@code Global.asax.cs}). All are accepted.
 */
public record CefErrorBody(
    CefResponseStatus responseStatus, Integer statusCode, String statusDescription, String message, String code) {}
