package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"sourceItems":[...]}} (camelCase wrapper) for save and delete. */
public record SourceItemsRequestDto(@JsonProperty("sourceItems") List<SourceItemDto> sourceItems) {}
