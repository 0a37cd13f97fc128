package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code PUT /V1/products/{sku}/stockItems/{itemId}} body: {@code {"stockItem":{"qty":10,"is_in_stock":true}}}. */
public record StockItemRequestDto(@JsonProperty("stockItem") Entry stockItem) {

  /** {@code stockItem}. */
  public record Entry(BigDecimal qty, Boolean isInStock) {}
}
