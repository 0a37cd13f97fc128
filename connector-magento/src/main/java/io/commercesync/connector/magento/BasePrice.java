package io.commercesync.connector.magento;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A base price for {@code POST /V1/products/base-prices}: {@code {"price","store_id","sku"}}. Store 0 is
 * the global price (the default price scope is global).
 *
 * @param sku the sku
 * @param price the price, &gt;= 0
 * @param storeId the store id, 0 for global
 */
public record BasePrice(String sku, BigDecimal price, int storeId) {
  public BasePrice {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(price, "price");
  }
}
