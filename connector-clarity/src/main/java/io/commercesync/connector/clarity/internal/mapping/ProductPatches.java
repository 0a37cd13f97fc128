package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.internal.dto.cef.CefProduct;
import io.commercesync.connector.clarity.internal.dto.v1.V1Product;
import io.commercesync.connector.clarity.internal.dto.v1.V1ProductPatch;
import io.commercesync.connector.clarity.internal.dto.v1.V1Weight;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.spi.CatalogUpdate;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Canonical → Clarity for products, <em>partially</em>: only the {@link CatalogUpdate#fields()} (the
 * ERP-owned ones) and {@link CatalogUpdate#attributes()} are written, so descriptions, images and SEO
 * enriched on the storefront survive (RELIABILITY §4). Hand-written because which fields go depends on
 * the update, not on the types.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>{@link CatalogField}</th><th>v1 PATCH</th><th>CEF ProductModel</th></tr>
 *   <tr><td>NAME</td><td>{@code name}</td><td>{@code Name}</td></tr>
 *   <tr><td>SHORT_DESCRIPTION</td><td>{@code shortDescription}</td><td>{@code ShortDescription}</td></tr>
 *   <tr><td>LONG_DESCRIPTION</td><td>{@code description}</td><td>{@code Description}</td></tr>
 *   <tr><td>UNIT_OF_MEASURE</td><td>{@code unitOfMeasure}</td><td>{@code UnitOfMeasure}</td></tr>
 *   <tr><td>WEIGHT</td><td>{@code weight { value, unit }}</td><td>{@code Weight}</td></tr>
 *   <tr><td>STATUS</td><td>{@code status} active/inactive/discontinued</td><td>{@code Active}, {@code IsDiscontinued}</td></tr>
 *   <tr><td>TAX_CLASS</td><td>{@code taxCode}</td><td>{@code TaxCode}</td></tr>
 *   <tr><td>PRICE</td><td>{@code price} + {@code currency}</td><td>{@code PriceBase}</td></tr>
 *   <tr><td>attribute {@code upc} / others</td><td>{@code upc} / {@code attributes{}}</td><td>{@code ManufacturerPartNumber} for {@code mpn}; others not written [I]</td></tr>
 * </table>
 */
public final class ProductPatches {

  private ProductPatches() {}

  /** The v1 PATCH body (or, with {@code creating}, the POST body with sku and the creation status). */
  public static V1ProductPatch v1(CatalogUpdate update, String weightUnit, boolean creating) {
    Item item = update.item();
    Set<CatalogField> f = update.fields();
    ItemStatus status = creating ? update.statusWhenCreated() : (f.contains(CatalogField.STATUS) ? item.status() : null);
    boolean price = f.contains(CatalogField.PRICE) && item.basePrice() != null;
    Map<String, String> attributes = new LinkedHashMap<>();
    String upc = null;
    for (String code : update.attributes()) {
      String value = item.attributes().get(code);
      if (value == null) {
        continue;
      }
      if ("upc".equals(code)) {
        upc = value;
      } else {
        attributes.put(code, value);
      }
    }
    return new V1ProductPatch(
        creating ? item.sku() : null,
        f.contains(CatalogField.NAME) || creating ? item.name() : null,
        status == null ? null : v1Status(status),
        price ? item.basePrice().amount() : null,
        price ? item.basePrice().currency().getCurrencyCode() : null,
        f.contains(CatalogField.TAX_CLASS) ? item.taxClass() : null,
        f.contains(CatalogField.UNIT_OF_MEASURE) ? item.unitOfMeasure() : null,
        f.contains(CatalogField.WEIGHT) && item.weight() != null ? new V1Weight(item.weight(), weightUnit) : null,
        upc,
        attributes.isEmpty() ? null : attributes,
        f.contains(CatalogField.SHORT_DESCRIPTION) ? item.shortDescription() : null,
        f.contains(CatalogField.LONG_DESCRIPTION) ? item.longDescription() : null);
  }

  /** {@code active}, {@code inactive} or {@code discontinued}. */
  public static String v1Status(ItemStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code current} already holds every value {@code update} would write. */
  public static boolean v1Matches(V1Product current, CatalogUpdate update) {
    Item item = update.item();
    for (CatalogField f : update.fields()) {
      boolean same = switch (f) {
        case NAME -> Objects.equals(current.name(), item.name());
        case SHORT_DESCRIPTION -> Objects.equals(current.shortDescription(), item.shortDescription());
        case LONG_DESCRIPTION -> Objects.equals(current.description(), item.longDescription());
        case UNIT_OF_MEASURE -> Objects.equals(current.unitOfMeasure(), item.unitOfMeasure());
        case WEIGHT -> item.weight() == null
            || (current.weight() != null && sameNumber(current.weight().value(), item.weight()));
        case STATUS -> v1Status(item.status()).equalsIgnoreCase(String.valueOf(current.status()));
        case TAX_CLASS -> Objects.equals(current.taxCode(), item.taxClass());
        case PRICE -> item.basePrice() == null || (sameNumber(current.price(), item.basePrice().amount())
            && item.basePrice().currency().getCurrencyCode().equals(current.currency()));
      };
      if (!same) {
        return false;
      }
    }
    for (String code : update.attributes()) {
      String want = item.attributes().get(code);
      String have = "upc".equals(code) ? current.upc()
          : current.attributes() == null ? null : current.attributes().get(code);
      if (want != null && !want.equals(have)) {
        return false;
      }
    }
    return true;
  }

  /** Sets the ERP-owned properties on {@code product}, leaving every other property as read. */
  public static void applyCef(CefProduct product, CatalogUpdate update, boolean creating) {
    Item item = update.item();
    Set<CatalogField> f = update.fields();
    if (creating) {
      product.customKey = item.sku();
      product.name = item.name() != null ? item.name() : item.sku();
      applyCefStatus(product, update.statusWhenCreated());
    }
    if (f.contains(CatalogField.NAME) && item.name() != null) {
      product.name = item.name();
    }
    if (f.contains(CatalogField.SHORT_DESCRIPTION)) {
      product.shortDescription = item.shortDescription();
    }
    if (f.contains(CatalogField.LONG_DESCRIPTION)) {
      product.description = item.longDescription();
    }
    if (f.contains(CatalogField.UNIT_OF_MEASURE)) {
      product.unitOfMeasure = item.unitOfMeasure();
    }
    if (f.contains(CatalogField.WEIGHT) && item.weight() != null) {
      product.weight = item.weight();
    }
    if (f.contains(CatalogField.STATUS) && !creating) {
      applyCefStatus(product, item.status());
    }
    if (f.contains(CatalogField.TAX_CLASS)) {
      product.taxCode = item.taxClass();
    }
    if (f.contains(CatalogField.PRICE) && item.basePrice() != null) {
      product.priceBase = item.basePrice().amount();
    }
    if (update.attributes().contains("mpn") && item.attributes().containsKey("mpn")) {
      product.manufacturerPartNumber = item.attributes().get("mpn");
    }
  }

  private static void applyCefStatus(CefProduct product, ItemStatus status) {
    product.active = status != ItemStatus.INACTIVE;
    product.isDiscontinued = status == ItemStatus.DISCONTINUED;
  }

  /** Whether {@code current} already holds every value {@code update} would write. */
  public static boolean cefMatches(CefProduct current, CatalogUpdate update) {
    Item item = update.item();
    for (CatalogField f : update.fields()) {
      boolean same = switch (f) {
        case NAME -> item.name() == null || Objects.equals(current.name, item.name());
        case SHORT_DESCRIPTION -> Objects.equals(current.shortDescription, item.shortDescription());
        case LONG_DESCRIPTION -> Objects.equals(current.description, item.longDescription());
        case UNIT_OF_MEASURE -> Objects.equals(current.unitOfMeasure, item.unitOfMeasure());
        case WEIGHT -> item.weight() == null || sameNumber(current.weight, item.weight());
        case STATUS -> CefMapper.INSTANCE.itemStatus(current.active, current.isDiscontinued) == item.status();
        case TAX_CLASS -> Objects.equals(current.taxCode, item.taxClass());
        case PRICE -> item.basePrice() == null || sameNumber(current.priceBase, item.basePrice().amount());
      };
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a != null && b != null && a.compareTo(b) == 0;
  }
}
