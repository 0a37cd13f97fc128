package io.commercesync.core.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The sellable quantity of one sku at one storefront stock location (Magento MSI source, Clarity
 * location), already mapped from the ERP warehouse, reduced by safety stock and floored at zero.
 *
 * @param sku the storefront sku
 * @param location the storefront source / location code
 * <p>For a storefront that reserves stock for its own open orders (Magento MSI subtracts reservations
 * from the source quantity to get the salable quantity), {@code quantity} is the physical sellable
 * quantity; ERP allocations for orders that came from that storefront are the same units the
 * storefront already reserved, so publishing ERP "available" figures while those orders are open counts
 * them twice until they ship. Connectors document how their sink treats it.
 *
 * @param quantity the quantity to publish, &gt;= 0
 * @param inStock whether the item is sellable there (false when quantity is zero and back orders are off)
 */
public record StockUpdate(String sku, String location, BigDecimal quantity, boolean inStock) {

  public StockUpdate {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(quantity, "quantity");
    if (quantity.signum() < 0) {
      throw new IllegalArgumentException("quantity must be >= 0 (was " + quantity + ")");
    }
  }
}
