package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code PagedResults<T>} (reference §2.3 [C], {@code PagedResultsBase.cs}): {@code Results[]},
 * {@code CurrentPage}, {@code TotalPages}, {@code TotalCount}. Results stay JSON trees so that one
 * record that cannot be decoded is dead-lettered alone, with its own bytes.
 */
public record CefPagedResults(List<JsonNode> results, Integer currentPage, Integer totalPages, Integer totalCount) {}
