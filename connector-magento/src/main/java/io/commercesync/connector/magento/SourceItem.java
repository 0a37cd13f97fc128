package io.commercesync.connector.magento;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An MSI source item: the quantity of one sku at one source ({@code sku}, {@code source_code},
 * {@code quantity}, {@code status}). {@code inStock} is sent explicitly as {@code status} 1/0, because MSI
 * does not derive it from the quantity (magento/inventory#2823). Magento subtracts its own open
 * reservations from this quantity to get the salable quantity.
 *
 * <pre>{@code
 * new SourceItem("CS-MUG-12OZ", "wh_austin", new BigDecimal("148"), true);
 * }</pre>
 *
 * @param sku the sku
 * @param sourceCode the MSI source code
 * @param quantity the physical quantity at the source, &gt;= 0
 * @param inStock {@code status}: whether the item is in stock at the source
 */
public record SourceItem(String sku, String sourceCode, BigDecimal quantity, boolean inStock) {
  public SourceItem {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(sourceCode, "sourceCode");
    Objects.requireNonNull(quantity, "quantity");
  }
}
