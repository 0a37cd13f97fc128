package io.commercesync.connector.magento.internal.dto;

import java.math.BigDecimal;

/** {@code {"price":12,"store_id":0,"sku":"24-UG04"}} (BasePriceInterface). */
public record BasePriceDto(BigDecimal price, Integer storeId, String sku) {}
