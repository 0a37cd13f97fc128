package io.commercesync.connector.clarity.internal.dto.v1;

import java.util.List;

/**
 * RFC 9457 problem details ({@code application/problem+json}, reference §4.7 [P]; sample
 * {@code error-429.json}): {@code type, title, status, detail, instance} + {@code code},
 * {@code requestId}, {@code errors[]}, and {@code retryAfterSeconds} on a 429.
 */
public record V1Problem(
    String type,
    String title,
    Integer status,
    String detail,
    String instance,
    String code,
    String requestId,
    Long retryAfterSeconds,
    List<V1ProblemError> errors) {}
