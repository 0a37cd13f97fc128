package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One of {@code custom_attributes[]}: {@code {"attribute_code":"color","value":"49"}}. Values are strings
 * except multi-value attributes such as {@code category_ids}, which are arrays.
 */
public record CustomAttributeDto(String attributeCode, JsonNode value) {}
