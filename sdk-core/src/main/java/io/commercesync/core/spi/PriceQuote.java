package io.commercesync.core.spi;

import io.commercesync.core.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A price the ERP quotes for one customer, sku and quantity.
 *
 * @param customerId the ERP customer
 * @param sku the item
 * @param quantity the quantity asked about
 * @param unitPrice the unit price for that quantity
 * @param priceList the price level / list it came from, or null
 * @param asOf when the ERP answered
 */
public record PriceQuote(
    String customerId, String sku, BigDecimal quantity, Money unitPrice, String priceList, Instant asOf) {

  public PriceQuote {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(asOf, "asOf");
  }
}
