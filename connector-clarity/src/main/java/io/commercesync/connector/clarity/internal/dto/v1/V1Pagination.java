package io.commercesync.connector.clarity.internal.dto.v1;

/** {@code pagination { page, pageSize, totalCount, totalPages }}, {@code page} 1-based (reference §4.3 [P]). */
public record V1Pagination(Integer page, Integer pageSize, Integer totalCount, Integer totalPages) {}
