package io.commercesync.core.spi;

import io.commercesync.core.pipeline.BatchSink;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * A storefront's stock per location, written in batches (Magento {@code POST /V1/inventory/source-items},
 * Clarity inventory per location).
 *
 * <p>A storefront that reserves stock for its own open orders (Magento MSI: salable quantity = source
 * quantity − reservations) says so through {@link #openReservations}; the inventory flow then adds back
 * the part of the ERP's allocation that is those same orders, so they are deducted once, not twice
 * (RELIABILITY 13).
 */
public interface InventorySink extends BatchSink<StockUpdate> {

  /**
   * What the storefront holds reserved for its own open orders (taken, not yet shipped) per storefront
   * sku, as a positive quantity — for the skus named that have any. A storefront that does not reserve
   * (it sells exactly the quantity it is given) answers an empty map, the default.
   *
   * <pre>{@code
   * Map<String, BigDecimal> reserved = sink.openReservations(List.of("CS-MUG-STD"));   // {CS-MUG-STD=2}
   * }</pre>
   */
  default Map<String, BigDecimal> openReservations(Collection<String> skus) {
    return Map.of();
  }
}
