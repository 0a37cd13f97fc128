package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ProductModel} (reference §2.5 [C]): {@code CustomKey} is the SKU, {@code Name} varchar(256).
 * Price and weight come from the data model ({@code PriceBase}, {@code Weight}).
 *
 * <p>Mutable on purpose: a catalog update reads the product, changes only the ERP-owned properties
 * and sends it back whole, so that every property this class does not name (descriptions, images, SEO,
 * {@code SerializableAttributes}…) is kept in {@link #other} and written back unchanged, whatever
 * {@code PUT /Products/Product/Update} does with absent properties [I].
 */
public final class CefProduct {

  @JsonProperty("ID")
  public Integer id;

  public String customKey;
  public Boolean active;
  public String name;
  public String description;
  public String shortDescription;
  public Boolean isVisible;
  public Boolean isDiscontinued;
  public Boolean isTaxable;
  public String taxCode;
  public String unitOfMeasure;
  public String manufacturerPartNumber;
  public BigDecimal priceBase;
  public BigDecimal priceMsrp;
  public BigDecimal weight;
  public String updatedDate;

  /** Every other property, kept as read. */
  @JsonAnySetter
  @JsonAnyGetter
  public Map<String, Object> other = new LinkedHashMap<>();
}
