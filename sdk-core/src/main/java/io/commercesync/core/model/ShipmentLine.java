package io.commercesync.core.model;

import java.math.BigDecimal;

/**
 * A quantity of one order line in a {@link Shipment}.
 *
 * @param sku the sku shipped
 * @param quantity quantity shipped, &gt; 0
 * @param orderLineId the storefront order line's id (Magento {@code order_item_id}), optional
 */
public record ShipmentLine(String sku, BigDecimal quantity, String orderLineId) {

  public ShipmentLine {
    Constraints c = Constraints.of("shipment line");
    c.require(sku, "sku");
    c.require(quantity, "quantity");
    c.positive(quantity, "quantity");
    c.throwIfAny();
  }

  public static ShipmentLine of(String sku, BigDecimal quantity, String orderLineId) {
    return new ShipmentLine(sku, quantity, orderLineId);
  }
}
