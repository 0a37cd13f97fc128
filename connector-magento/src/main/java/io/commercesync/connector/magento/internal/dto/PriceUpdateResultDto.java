package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One rejected row of a price-storage call (PriceUpdateResultInterface), returned with HTTP 200:
 * {@code {"message":"Invalid attribute %fieldName = %fieldValue.","parameters":{...} or [...]}}.
 */
public record PriceUpdateResultDto(String message, JsonNode parameters) {}
