package io.commercesync.connector.magento.internal.dto;

import java.math.BigDecimal;

/**
 * An MSI source item ({@code POST /V1/inventory/source-items}): {@code quantity} is a float, {@code status}
 * 0/1 must be sent (MSI does not derive it from the quantity, magento/inventory#2823).
 */
public record SourceItemDto(String sku, String sourceCode, BigDecimal quantity, Integer status) {}
