package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The list envelope {@code { data[], pagination }} (sample {@code orders-page.json}). Elements stay JSON
 * trees so that one bad record is dead-lettered alone, with its own bytes.
 */
public record V1Page(List<JsonNode> data, V1Pagination pagination) {}
