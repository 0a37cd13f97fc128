package io.commercesync.connector.magento.internal.dto;

import java.math.BigDecimal;

/** {@code {"order_item_id":2101,"qty":2}} in ship and invoice requests. */
public record ItemQtyDto(Long orderItemId, BigDecimal qty) {}
