package io.commercesync.connector.magento;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tier or customer-group price for {@code POST /V1/products/tier-prices}: {@code price},
 * {@code price_type} ({@code fixed} or {@code discount}), {@code website_id}, {@code sku},
 * {@code customer_group} (the group's <em>code</em>, e.g. {@code General}), {@code quantity}.
 *
 * @param sku the sku
 * @param customerGroup the customer group code ({@code ALL GROUPS}, {@code General}, {@code Wholesale}…)
 * @param quantity the quantity the price applies from
 * @param price the price (or percentage for {@code discount})
 * @param discount whether {@code price} is a percentage ({@code discount}) rather than a price ({@code fixed})
 * @param websiteId the website, 0 for all
 */
public record TierPrice(String sku, String customerGroup, BigDecimal quantity, BigDecimal price,
    boolean discount, int websiteId) {
  public TierPrice {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(customerGroup, "customerGroup");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
  }
}
