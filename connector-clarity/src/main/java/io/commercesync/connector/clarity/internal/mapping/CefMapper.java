package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.internal.dto.cef.CefAccountContact;
import io.commercesync.connector.clarity.internal.dto.cef.CefAddress;
import io.commercesync.connector.clarity.internal.dto.cef.CefAppliedDiscount;
import io.commercesync.connector.clarity.internal.dto.cef.CefContact;
import io.commercesync.connector.clarity.internal.dto.cef.CefInventoryRow;
import io.commercesync.connector.clarity.internal.dto.cef.CefProduct;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesItem;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesReturnItem;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Native (CEF) models → canonical records, field by field. The order itself (totals, status, lines
 * numbering) is assembled by {@link CefOrderAssembler} from these pieces.
 *
 * <table>
 *   <caption>Field mapping</caption>
 *   <tr><th>CEF</th><th>canonical</th></tr>
 *   <tr><td>{@code ContactModel.FirstName/LastName/Email1/Phone1}</td><td>{@code Address.firstName/lastName/email/phone}</td></tr>
 *   <tr><td>{@code AddressModel.Street1..3}</td><td>{@code Address.lines}</td></tr>
 *   <tr><td>{@code AddressModel.RegionName/RegionCode/PostalCode}</td><td>{@code region/regionCode/postalCode}</td></tr>
 *   <tr><td>{@code AddressModel.CountryCode} (alpha-3 or alpha-2)</td><td>{@code countryCode} (alpha-2)</td></tr>
 *   <tr><td>{@code SalesItem.Sku/Name/Quantity/UnitOfMeasure}</td><td>{@code OrderLine.sku/name/quantity/unitOfMeasure}</td></tr>
 *   <tr><td>{@code SalesItem.UnitSoldPrice} (else {@code UnitCorePrice})</td><td>{@code OrderLine.unitPrice}</td></tr>
 *   <tr><td>{@code SalesItem.ExtendedPrice/ExtendedTaxAmount}</td><td>{@code OrderLine.rowTotal/tax}</td></tr>
 *   <tr><td>Σ {@code SalesItem.Discounts[].DiscountTotal} [I]</td><td>{@code OrderLine.discount}</td></tr>
 *   <tr><td>{@code Product.CustomKey/Name/ShortDescription/Description}</td><td>{@code Item.sku/name/shortDescription/longDescription}</td></tr>
 *   <tr><td>{@code Product.PriceBase/Weight/TaxCode/UnitOfMeasure}</td><td>{@code Item.basePrice/weight/taxClass/unitOfMeasure}</td></tr>
 *   <tr><td>{@code PILS.MasterKey/SlaveKey/Quantity/QuantityAllocated}</td><td>{@code InventoryLevel.sku/location/onHand/allocated}</td></tr>
 *   <tr><td>return {@code SalesItem.Sku/Quantity}</td><td>{@code ReturnLine.sku/quantity}</td></tr>
 *   <tr><td>return {@code SalesItem.UnitSoldPrice} (else {@code UnitCorePrice})</td><td>{@code ReturnLine.unitPrice}</td></tr>
 *   <tr><td>return {@code SalesItem.ExtendedPrice} (else quantity × unit price)</td><td>{@code ReturnLine.total}</td></tr>
 * </table>
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.ERROR,
    imports = {MoneyMapping.class, CountryCodes.class, CefDates.class})
public interface CefMapper {

  CefMapper INSTANCE = Mappers.getMapper(CefMapper.class);

  @Mapping(target = "firstName", source = "firstName")
  @Mapping(target = "lastName", source = "lastName")
  @Mapping(target = "company", expression = "java(contact.address() == null ? null : MoneyMapping.blankToNull(contact.address().company()))")
  @Mapping(target = "lines", expression = "java(streetLines(contact.address()))")
  @Mapping(target = "city", source = "address.city")
  @Mapping(target = "region", source = "address.regionName")
  @Mapping(target = "regionCode", source = "address.regionCode")
  @Mapping(target = "postalCode", source = "address.postalCode")
  @Mapping(target = "countryCode", expression = "java(contact.address() == null ? null : CountryCodes.toAlpha2(contact.address().countryCode()))")
  @Mapping(target = "phone", source = "phone1")
  @Mapping(target = "email", source = "email1")
  Address address(CefContact contact);

  default List<String> streetLines(CefAddress address) {
    return address == null ? List.of()
        : MoneyMapping.lines(address.street1(), address.street2(), address.street3());
  }

  @Mapping(target = "key", expression = "java(accountContact.id() == null ? null : String.valueOf(accountContact.id()))")
  @Mapping(target = "address", source = "slave")
  @Mapping(target = "defaultBilling", expression = "java(Boolean.TRUE.equals(accountContact.isBilling()))")
  @Mapping(target = "defaultShipping", expression = "java(Boolean.TRUE.equals(accountContact.isPrimary()))")
  CustomerAddress customerAddress(CefAccountContact accountContact);

  @Mapping(target = "lineNumber", source = "lineNumber")
  @Mapping(target = "sourceLineId", expression = "java(item.id() == null ? item.customKey() : String.valueOf(item.id()))")
  @Mapping(target = "sku", source = "item.sku")
  @Mapping(target = "name", source = "item.name")
  @Mapping(target = "quantity", expression = "java(item.quantity())")
  @Mapping(target = "unitPrice", expression = "java(MoneyMapping.money(item.unitSoldPrice() != null ? item.unitSoldPrice() : item.unitCorePrice(), currency))")
  @Mapping(target = "discount", expression = "java(MoneyMapping.money(discountTotal(item.discounts()), currency))")
  @Mapping(target = "tax", source = "item.extendedTaxAmount")
  @Mapping(target = "rowTotal", source = "item.extendedPrice")
  @Mapping(target = "unitOfMeasure", source = "item.unitOfMeasure")
  @Mapping(target = "location", ignore = true)
  @Mapping(target = "parentLineNumber", ignore = true)
  OrderLine line(CefSalesItem item, int lineNumber, @Context Currency currency);

  /**
   * One item of a sales return. A CEF return item names no order line [C, absence], so
   * {@code orderLineId} stays empty (the flow matches the order line by sku), and it carries no restock
   * flag, so {@code backToStock} is false [I].
   */
  @Mapping(target = "lineNumber", source = "lineNumber")
  @Mapping(target = "sku", source = "item.sku")
  @Mapping(target = "quantity", expression = "java(item.quantity())")
  @Mapping(target = "unitPrice", expression = "java(MoneyMapping.money(returnUnitPrice(item), currency))")
  @Mapping(target = "total", expression = "java(MoneyMapping.money(returnLineTotal(item), currency))")
  @Mapping(target = "orderLineId", ignore = true)
  @Mapping(target = "backToStock", expression = "java(false)")
  ReturnLine returnLine(CefSalesReturnItem item, int lineNumber, @Context Currency currency);

  /** {@code UnitSoldPrice}, else {@code UnitCorePrice}. */
  default BigDecimal returnUnitPrice(CefSalesReturnItem item) {
    return item.unitSoldPrice() != null ? item.unitSoldPrice() : item.unitCorePrice();
  }

  /** {@code ExtendedPrice}, else quantity × unit price; null when neither can be had. */
  default BigDecimal returnLineTotal(CefSalesReturnItem item) {
    if (item.extendedPrice() != null) {
      return item.extendedPrice();
    }
    BigDecimal unit = returnUnitPrice(item);
    return unit == null || item.quantity() == null ? null : unit.multiply(item.quantity());
  }

  /** Σ applied discounts as a positive amount off, or null when there are none. */
  default BigDecimal discountTotal(List<CefAppliedDiscount> discounts) {
    if (discounts == null || discounts.isEmpty()) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (CefAppliedDiscount d : discounts) {
      if (d != null && d.discountTotal() != null) {
        sum = sum.add(d.discountTotal().abs());
      }
    }
    return sum;
  }

  @Mapping(target = "refs", expression = "java(clarityRefs(product.id))")
  @Mapping(target = "ref", ignore = true)
  @Mapping(target = "sku", source = "customKey")
  @Mapping(target = "name", source = "name")
  @Mapping(target = "shortDescription", source = "shortDescription")
  @Mapping(target = "longDescription", source = "description")
  @Mapping(target = "unitOfMeasure", source = "unitOfMeasure")
  @Mapping(target = "weight", source = "weight")
  @Mapping(target = "status", expression = "java(itemStatus(product.active, product.isDiscontinued))")
  @Mapping(target = "taxClass", source = "taxCode")
  @Mapping(target = "basePrice", source = "priceBase")
  @Mapping(target = "attributes", ignore = true)
  @Mapping(target = "updatedAt", expression = "java(CefDates.instant(product.updatedDate, \"product\", product.customKey, \"UpdatedDate\"))")
  Item item(CefProduct product, @Context Currency currency);

  /** {@code Active=false} → INACTIVE; {@code IsDiscontinued=true} → DISCONTINUED; else ACTIVE. */
  default ItemStatus itemStatus(Boolean active, Boolean discontinued) {
    if (Boolean.TRUE.equals(discontinued)) {
      return ItemStatus.DISCONTINUED;
    }
    return Boolean.FALSE.equals(active) ? ItemStatus.INACTIVE : ItemStatus.ACTIVE;
  }

  @Mapping(target = "sku", source = "row.masterKey")
  @Mapping(target = "location", source = "row.slaveKey")
  @Mapping(target = "onHand", source = "row.quantity")
  @Mapping(target = "allocated", expression = "java(allocated(row))")
  @Mapping(target = "available", ignore = true)
  @Mapping(target = "asOf", expression = "java(row.updatedDate() == null ? asOf : CefDates.instant(row.updatedDate(), \"inventory\", row.masterKey(), \"UpdatedDate\"))")
  InventoryLevel inventoryLevel(CefInventoryRow row, Instant asOf);

  /** Allocated and pre-sold quantities both hold stock back. */
  default BigDecimal allocated(CefInventoryRow row) {
    if (row.quantityAllocated() == null && row.quantityPreSold() == null) {
      return null;
    }
    BigDecimal a = row.quantityAllocated() == null ? BigDecimal.ZERO : row.quantityAllocated();
    return row.quantityPreSold() == null ? a : a.add(row.quantityPreSold());
  }

  /** The record's Clarity {@code ID} as its only ref, or none. */
  default List<ExternalRef> clarityRefs(Integer id) {
    return id == null ? List.of() : List.of(ExternalRef.of(SystemId.CLARITY, String.valueOf(id)));
  }

  default Money money(BigDecimal amount, @Context Currency currency) {
    return MoneyMapping.money(amount, currency);
  }
}
