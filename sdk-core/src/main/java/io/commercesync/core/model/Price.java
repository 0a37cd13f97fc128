package io.commercesync.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A selling price for an item: the base price, a price-list price, a customer-group price or a tier
 * (quantity break).
 *
 * <p>Maps from: GP {@code IV00108} ({@code ITEMNMBR}, {@code PRCLEVEL}, {@code CURNCYID},
 * {@code UOFM}, {@code FROMQTY}, {@code UOMPRICE}); SL price tables and {@code Inventory.StkBasePrc}.
 * Maps to Magento {@code /V1/products/base-prices} and {@code /V1/products/tier-prices}
 * ({@code customer_group}, {@code qty}, {@code price}, {@code website_id}) and Clarity prices.
 *
 * @param sku the item
 * @param priceList the ERP price level / price list, or null for the base price
 * @param customerGroup the storefront customer group the price applies to, or null for all
 * @param minQuantity the smallest quantity the price applies from, &gt; 0; 1 when absent
 * @param amount the unit price
 * @param unitOfMeasure unit of measure the price is for, optional
 * @param validFrom first day the price applies, optional
 * @param validTo last day the price applies, optional, not before {@code validFrom}
 */
public record Price(
    String sku,
    String priceList,
    String customerGroup,
    BigDecimal minQuantity,
    Money amount,
    String unitOfMeasure,
    LocalDate validFrom,
    LocalDate validTo) {

  public Price {
    Constraints c = Constraints.of("price");
    c.require(sku, "sku");
    c.require(amount, "amount");
    c.nonNegative(amount, "amount");
    minQuantity = minQuantity == null ? BigDecimal.ONE : minQuantity;
    c.positive(minQuantity, "minQuantity");
    c.check(validFrom == null || validTo == null || !validTo.isBefore(validFrom), "validTo",
        "consistency", validTo, "must not be before validFrom " + validFrom);
    c.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether the price is a plain base price: no list, no group, from quantity 1. */
  public boolean isBase() {
    return priceList == null && customerGroup == null && minQuantity.compareTo(BigDecimal.ONE) <= 0;
  }

  /** Whether the price applies on {@code day}. */
  public boolean validOn(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
  }

  /** Builds a {@link Price}. Not thread-safe. */
  public static final class Builder {
    private String sku;
    private String priceList;
    private String customerGroup;
    private BigDecimal minQuantity;
    private Money amount;
    private String unitOfMeasure;
    private LocalDate validFrom;
    private LocalDate validTo;

    private Builder() {}

    private Builder(Price p) {
      sku = p.sku;
      priceList = p.priceList;
      customerGroup = p.customerGroup;
      minQuantity = p.minQuantity;
      amount = p.amount;
      unitOfMeasure = p.unitOfMeasure;
      validFrom = p.validFrom;
      validTo = p.validTo;
    }

    public Builder sku(String sku) {
      this.sku = sku;
      return this;
    }

    public Builder priceList(String priceList) {
      this.priceList = priceList;
      return this;
    }

    public Builder customerGroup(String customerGroup) {
      this.customerGroup = customerGroup;
      return this;
    }

    public Builder minQuantity(BigDecimal minQuantity) {
      this.minQuantity = minQuantity;
      return this;
    }

    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    public Builder unitOfMeasure(String unitOfMeasure) {
      this.unitOfMeasure = unitOfMeasure;
      return this;
    }

    public Builder validFrom(LocalDate validFrom) {
      this.validFrom = validFrom;
      return this;
    }

    public Builder validTo(LocalDate validTo) {
      this.validTo = validTo;
      return this;
    }

    public Price build() {
      return new Price(sku, priceList, customerGroup, minQuantity, amount, unitOfMeasure, validFrom, validTo);
    }
  }
}
