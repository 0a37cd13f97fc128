package io.commercesync.core.model;

import java.math.BigDecimal;

/**
 * One line of an {@link Invoice}.
 *
 * @param sku the sku invoiced, optional for non-item lines (freight, fees)
 * @param description what the line is for, optional
 * @param quantity quantity invoiced, optional for non-item lines
 * @param unitPrice price of one unit, optional
 * @param total the line's amount
 * @param orderLineId the storefront order line's id (Magento {@code order_item_id}), optional
 */
public record InvoiceLine(
    String sku,
    String description,
    BigDecimal quantity,
    Money unitPrice,
    Money total,
    String orderLineId) {

  public InvoiceLine {
    Constraints c = Constraints.of("invoice line");
    c.require(total, "total");
    c.decimal(quantity, "quantity");
    if (total != null) {
      c.currency(unitPrice, total.currency(), "unitPrice");
    }
    c.throwIfAny();
  }

  public static InvoiceLine of(String sku, BigDecimal quantity, Money unitPrice, Money total) {
    return new InvoiceLine(sku, null, quantity, unitPrice, total, null);
  }
}
