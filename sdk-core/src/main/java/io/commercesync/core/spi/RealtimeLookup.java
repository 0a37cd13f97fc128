package io.commercesync.core.spi;

import io.commercesync.core.model.InventoryLevel;
import java.math.BigDecimal;
import java.util.List;

/**
 * Live answers from the ERP for product pages and log-ins: a customer's price, stock per warehouse, a
 * customer's standing. The look-up flow adds a cache, a hard timeout and a stale fallback around it.
 */
public interface RealtimeLookup {

  /** The unit price for {@code customerId} (its price level) buying {@code quantity} of {@code sku}. */
  PriceQuote price(String customerId, String sku, BigDecimal quantity);

  /** The stock of {@code sku} in every warehouse. */
  List<InventoryLevel> stock(String sku);

  /** The standing of {@code customerId}. */
  CustomerStanding standing(String customerId);
}
