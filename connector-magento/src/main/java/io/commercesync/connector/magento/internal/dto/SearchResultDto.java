package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The envelope of every search: {@code {"items":[...],"search_criteria":{...},"total_count":N}}. Items
 * stay JSON trees so each one can be handed on as its own raw record; {@code total_count} is the unpaged
 * match count; {@code search_criteria} echoes what Magento applied (its {@code current_page} is clamped to
 * the last page when a page past the end was asked for).
 */
public record SearchResultDto(List<JsonNode> items, Criteria searchCriteria, Long totalCount) {

  /** The echoed criteria: only paging matters to the client. */
  public record Criteria(Integer pageSize, Integer currentPage) {}
}
