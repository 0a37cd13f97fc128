package io.commercesync.core.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How much of one item one warehouse holds, as the ERP reports it.
 *
 * <p>{@code available} is kept exactly as the ERP computes it, even when negative (an ERP with back
 * orders can report less than nothing); the inventory flow clamps it to zero for the storefront and
 * warns. Maps from: GP {@code IV00102} RCRDTYPE 2 rows ({@code ITEMNMBR}, {@code LOCNCODE},
 * {@code QTYONHND}, {@code ATYALLOC}; available = on hand − allocated); SL {@code ItemSite}
 * ({@code InvtID}, {@code SiteID}, {@code QtyOnHand}, {@code QtyAlloc}, {@code QtyAvail}). Maps to
 * Magento MSI source items ({@code sku}, {@code source_code}, {@code quantity}, {@code status}) and
 * Clarity inventory per location.
 *
 * @param sku the item
 * @param location the ERP warehouse / site code
 * @param onHand quantity physically on hand, optional
 * @param allocated quantity allocated to open orders, optional
 * @param available quantity the ERP says can be sold; {@code onHand − allocated} when absent
 * @param asOf when the ERP reported these figures
 */
public record InventoryLevel(
    String sku,
    String location,
    BigDecimal onHand,
    BigDecimal allocated,
    BigDecimal available,
    Instant asOf) {

  public InventoryLevel {
    Constraints c = Constraints.of("inventory level");
    c.require(sku, "sku");
    c.require(location, "location");
    c.require(asOf, "asOf");
    c.decimal(onHand, "onHand");
    c.decimal(allocated, "allocated");
    c.decimal(available, "available");
    if (available == null && onHand != null && Constraints.saneDecimal(onHand)
        && (allocated == null || Constraints.saneDecimal(allocated))) {
      available = allocated == null ? onHand : onHand.subtract(allocated);
    }
    c.require(available, "available");
    c.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@link #available()} floored at zero: what a storefront may sell. */
  public BigDecimal sellable() {
    return available.signum() < 0 ? BigDecimal.ZERO : available;
  }

  /** Builds an {@link InventoryLevel}. Not thread-safe. */
  public static final class Builder {
    private String sku;
    private String location;
    private BigDecimal onHand;
    private BigDecimal allocated;
    private BigDecimal available;
    private Instant asOf;

    private Builder() {}

    private Builder(InventoryLevel l) {
      sku = l.sku;
      location = l.location;
      onHand = l.onHand;
      allocated = l.allocated;
      available = l.available;
      asOf = l.asOf;
    }

    public Builder sku(String sku) {
      this.sku = sku;
      return this;
    }

    public Builder location(String location) {
      this.location = location;
      return this;
    }

    public Builder onHand(BigDecimal onHand) {
      this.onHand = onHand;
      return this;
    }

    public Builder allocated(BigDecimal allocated) {
      this.allocated = allocated;
      return this;
    }

    public Builder available(BigDecimal available) {
      this.available = available;
      return this;
    }

    public Builder asOf(Instant asOf) {
      this.asOf = asOf;
      return this;
    }

    public InventoryLevel build() {
      return new InventoryLevel(sku, location, onHand, allocated, available, asOf);
    }
  }
}
