package io.commercesync.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sellable item (product) as the ERP masters it.
 *
 * <p>Maps from: GP {@code IV00101} ({@code ITEMNMBR}, {@code ITEMDESC}, {@code ITMSHNAM},
 * {@code ITEMSHWT} (hundredths), {@code SELNGUOM}, {@code INACTIVE}, {@code ITMTSHID}); SL
 * {@code Inventory} ({@code InvtID}, {@code Descr}, {@code StkUnit}, {@code StkWt},
 * {@code TranStatusCode}, {@code TaxCat}, {@code StkBasePrc}). Maps to Magento {@code /V1/products}
 * ({@code sku}, {@code name}, {@code weight}, {@code status}, {@code price}, {@code tax_class_id}) and
 * Clarity products — ERP-owned fields only; descriptions and attributes are sent only when the
 * ownership configuration gives them to the ERP.
 *
 * @param refs the item's ids per system
 * @param sku the sku (GP {@code ITEMNMBR}, SL {@code InvtID})
 * @param name the item's name, optional
 * @param shortDescription short description, optional
 * @param longDescription long description, optional
 * @param unitOfMeasure selling unit of measure, optional
 * @param weight shipping weight in the store's weight unit, optional
 * @param status whether it may be sold; {@link ItemStatus#ACTIVE} when absent
 * @param taxClass tax class or category code, optional
 * @param basePrice list price, optional
 * @param attributes further values by code (barcode, color, size…), never null
 * @param updatedAt when it last changed in its source system, optional
 */
public record Item(
    List<ExternalRef> refs,
    String sku,
    String name,
    String shortDescription,
    String longDescription,
    String unitOfMeasure,
    BigDecimal weight,
    ItemStatus status,
    String taxClass,
    Money basePrice,
    Map<String, String> attributes,
    Instant updatedAt) {

  public Item {
    Constraints c = Constraints.of("item");
    refs = c.list(refs, "refs");
    attributes = c.map(attributes, "attributes");
    c.require(sku, "sku");
    c.decimal(weight, "weight");
    c.check(weight == null || weight.signum() >= 0, "weight", "range", weight, "must be >= 0");
    status = status == null ? ItemStatus.ACTIVE : status;
    c.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The item's id in {@code system}, if known. */
  public Optional<ExternalRef> ref(SystemId system) {
    return refs.stream().filter(r -> r.system().equals(system)).findFirst();
  }

  /** Builds an {@link Item}. Not thread-safe. */
  public static final class Builder {
    private List<ExternalRef> refs = new ArrayList<>();
    private String sku;
    private String name;
    private String shortDescription;
    private String longDescription;
    private String unitOfMeasure;
    private BigDecimal weight;
    private ItemStatus status;
    private String taxClass;
    private Money basePrice;
    private Map<String, String> attributes = new LinkedHashMap<>();
    private Instant updatedAt;

    private Builder() {}

    private Builder(Item i) {
      refs = new ArrayList<>(i.refs);
      sku = i.sku;
      name = i.name;
      shortDescription = i.shortDescription;
      longDescription = i.longDescription;
      unitOfMeasure = i.unitOfMeasure;
      weight = i.weight;
      status = i.status;
      taxClass = i.taxClass;
      basePrice = i.basePrice;
      attributes = new LinkedHashMap<>(i.attributes);
      updatedAt = i.updatedAt;
    }

    public Builder refs(List<ExternalRef> refs) {
      this.refs = refs == null ? new ArrayList<>() : new ArrayList<>(refs);
      return this;
    }

    /** Adds {@code ref}, replacing an existing ref of the same system. */
    public Builder ref(ExternalRef ref) {
      this.refs.removeIf(r -> r.system().equals(ref.system()));
      this.refs.add(ref);
      return this;
    }

    public Builder sku(String sku) {
      this.sku = sku;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder shortDescription(String shortDescription) {
      this.shortDescription = shortDescription;
      return this;
    }

    public Builder longDescription(String longDescription) {
      this.longDescription = longDescription;
      return this;
    }

    public Builder unitOfMeasure(String unitOfMeasure) {
      this.unitOfMeasure = unitOfMeasure;
      return this;
    }

    public Builder weight(BigDecimal weight) {
      this.weight = weight;
      return this;
    }

    public Builder status(ItemStatus status) {
      this.status = status;
      return this;
    }

    public Builder taxClass(String taxClass) {
      this.taxClass = taxClass;
      return this;
    }

    public Builder basePrice(Money basePrice) {
      this.basePrice = basePrice;
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
      return this;
    }

    public Builder attribute(String code, String value) {
      this.attributes.put(code, value);
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public Item build() {
      return new Item(
          refs, sku, name, shortDescription, longDescription, unitOfMeasure, weight, status,
          taxClass, basePrice, attributes, updatedAt);
    }
  }
}
