package io.commercesync.core.model;

import java.math.BigDecimal;

/**
 * One line of a {@link Return}.
 *
 * @param lineNumber 1-based position in the return
 * @param sku the sku returned
 * @param quantity quantity returned, &gt; 0
 * @param unitPrice refunded price per unit
 * @param total refunded amount for the line
 * @param orderLineId the storefront order line's id (Magento {@code order_item_id}), optional
 * @param backToStock whether the goods go back to stock
 */
public record ReturnLine(
    int lineNumber,
    String sku,
    BigDecimal quantity,
    Money unitPrice,
    Money total,
    String orderLineId,
    boolean backToStock) {

  public ReturnLine {
    Constraints c = Constraints.of("return line");
    c.check(lineNumber >= 1, "lineNumber", "range", lineNumber, "must be >= 1");
    c.require(sku, "sku");
    c.require(quantity, "quantity");
    c.positive(quantity, "quantity");
    c.require(unitPrice, "unitPrice");
    c.require(total, "total");
    if (unitPrice != null) {
      c.currency(total, unitPrice.currency(), "total");
    }
    c.throwIfAny();
  }
}
