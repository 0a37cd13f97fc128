package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.internal.dto.v1.V1Address;
import io.commercesync.connector.clarity.internal.dto.v1.V1Customer;
import io.commercesync.connector.clarity.internal.dto.v1.V1CustomerAddress;
import io.commercesync.connector.clarity.internal.dto.v1.V1InventoryItem;
import io.commercesync.connector.clarity.internal.dto.v1.V1Invoice;
import io.commercesync.connector.clarity.internal.dto.v1.V1InvoiceLine;
import io.commercesync.connector.clarity.internal.dto.v1.V1LineItem;
import io.commercesync.connector.clarity.internal.dto.v1.V1Package;
import io.commercesync.connector.clarity.internal.dto.v1.V1PaymentInfo;
import io.commercesync.connector.clarity.internal.dto.v1.V1Product;
import io.commercesync.connector.clarity.internal.dto.v1.V1ReturnLine;
import io.commercesync.connector.clarity.internal.dto.v1.V1Shipment;
import io.commercesync.connector.clarity.internal.dto.v1.V1ShipmentLine;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.InvoiceLine;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.ShipmentLine;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * {@code /api/v1} resources → canonical records, field by field (the order is assembled by
 * {@link V1OrderAssembler}).
 *
 * <table>
 *   <caption>Field mapping</caption>
 *   <tr><th>v1</th><th>canonical</th></tr>
 *   <tr><td>{@code line1, line2}</td><td>{@code Address.lines}</td></tr>
 *   <tr><td>{@code region} (a code of 1–3 letters/digits, else a name)</td><td>{@code regionCode} or {@code region}</td></tr>
 *   <tr><td>{@code country, postalCode, city, phone, company}</td><td>{@code countryCode, postalCode, city, phone, company}</td></tr>
 *   <tr><td>{@code lineItems[].lineId/sku/name/quantity/unitPrice/taxAmount/discountAmount}</td><td>{@code OrderLine.sourceLineId/sku/name/quantity/unitPrice/tax/discount}</td></tr>
 *   <tr><td>{@code paymentInfo.method/amount/transactionId/capturedAt/cardBrand/last4}</td><td>{@code Payment.method/amount/transactionId/capturedAt/cardType/cardLast4}</td></tr>
 *   <tr><td>{@code customer.customerId / externalId}</td><td>{@code refs[clarity] / refs[erp]}</td></tr>
 *   <tr><td>{@code customer.customerGroup / taxExempt}</td><td>{@code group / taxExempt}</td></tr>
 *   <tr><td>{@code addresses[].type + isDefault}</td><td>{@code CustomerAddress.defaultBilling/defaultShipping}</td></tr>
 *   <tr><td>{@code product.sku/name/shortDescription/description/taxCode/unitOfMeasure}</td><td>{@code Item.sku/name/shortDescription/longDescription/taxClass/unitOfMeasure}</td></tr>
 *   <tr><td>{@code product.price + currency, weight.value, status, upc, attributes}</td><td>{@code Item.basePrice, weight, status, attributes}</td></tr>
 *   <tr><td>return {@code lineItems[].sku/quantity/unitPrice/totalAmount/orderLineId/restock} [P+]</td><td>{@code ReturnLine.sku/quantity/unitPrice/total/orderLineId/backToStock}</td></tr>
 * </table>
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.ERROR,
    imports = {MoneyMapping.class, Money.class, ExternalRef.class, SystemId.class})
public interface V1Mapper {

  V1Mapper INSTANCE = Mappers.getMapper(V1Mapper.class);

  @Mapping(target = "firstName", source = "address.firstName")
  @Mapping(target = "lastName", source = "address.lastName")
  @Mapping(target = "company", expression = "java(MoneyMapping.blankToNull(address.company()))")
  @Mapping(target = "lines", expression = "java(MoneyMapping.lines(address.line1(), address.line2()))")
  @Mapping(target = "city", source = "address.city")
  @Mapping(target = "region", expression = "java(isRegionCode(address.region()) ? null : MoneyMapping.blankToNull(address.region()))")
  @Mapping(target = "regionCode", expression = "java(isRegionCode(address.region()) ? address.region() : null)")
  @Mapping(target = "postalCode", source = "address.postalCode")
  @Mapping(target = "countryCode", expression = "java(MoneyMapping.blankToNull(address.country()))")
  @Mapping(target = "phone", source = "address.phone")
  @Mapping(target = "email", source = "email")
  Address address(V1Address address, String email);

  /** {@code TX}, {@code NSW}, {@code 75}: a code; {@code Texas}: a name. */
  default boolean isRegionCode(String region) {
    return region != null && region.matches("[A-Za-z0-9]{1,3}");
  }

  @Mapping(target = "lineNumber", source = "lineNumber")
  @Mapping(target = "sourceLineId", source = "item.lineId")
  @Mapping(target = "sku", source = "item.sku")
  @Mapping(target = "name", source = "item.name")
  @Mapping(target = "quantity", expression = "java(item.quantity())")
  @Mapping(target = "unitPrice", source = "item.unitPrice")
  @Mapping(target = "discount", source = "item.discountAmount")
  @Mapping(target = "tax", source = "item.taxAmount")
  @Mapping(target = "rowTotal", ignore = true)
  @Mapping(target = "unitOfMeasure", ignore = true)
  @Mapping(target = "location", ignore = true)
  @Mapping(target = "parentLineNumber", ignore = true)
  OrderLine line(V1LineItem item, int lineNumber, @Context Currency currency);

  /** One line of a v1 return [P+]; {@code totalAmount} absent → quantity × unit price. */
  @Mapping(target = "lineNumber", source = "lineNumber")
  @Mapping(target = "sku", source = "line.sku")
  @Mapping(target = "quantity", expression = "java(line.quantity())")
  @Mapping(target = "unitPrice", expression = "java(MoneyMapping.money(line.unitPrice(), currency))")
  @Mapping(target = "total", expression = "java(MoneyMapping.money(returnLineTotal(line), currency))")
  @Mapping(target = "orderLineId", expression = "java(MoneyMapping.blankToNull(line.orderLineId()))")
  @Mapping(target = "backToStock", expression = "java(Boolean.TRUE.equals(line.restock()))")
  ReturnLine returnLine(V1ReturnLine line, int lineNumber, @Context Currency currency);

  default BigDecimal returnLineTotal(V1ReturnLine line) {
    if (line.totalAmount() != null) {
      return line.totalAmount();
    }
    return line.unitPrice() == null || line.quantity() == null ? null : line.unitPrice().multiply(line.quantity());
  }

  @Mapping(target = "id", expression = "java(MoneyMapping.blankToNull(info.paymentId()))")
  @Mapping(target = "method", source = "info.method")
  @Mapping(target = "amount", expression = "java(MoneyMapping.money(info.amount(), info.currency() == null ? currency : Money.currency(info.currency())))")
  @Mapping(target = "transactionId", source = "info.transactionId")
  @Mapping(target = "capturedAt", source = "info.capturedAt")
  @Mapping(target = "cardType", source = "info.cardBrand")
  @Mapping(target = "cardLast4", source = "info.last4")
  @Mapping(target = "orderNumber", source = "orderNumber")
  @Mapping(target = "invoiceNumber", expression = "java(MoneyMapping.blankToNull(info.invoiceNumber()))")
  @Mapping(target = "customerRef", ignore = true)
  @Mapping(target = "fee", ignore = true)
  Payment payment(V1PaymentInfo info, String orderNumber, @Context Currency currency);

  @Mapping(target = "refs", expression = "java(refs(customer.customerId(), customer.externalId(), erpSystem))")
  @Mapping(target = "ref", ignore = true)
  @Mapping(target = "email", expression = "java(MoneyMapping.blankToNull(customer.email()))")
  @Mapping(target = "firstName", expression = "java(MoneyMapping.blankToNull(customer.firstName()))")
  @Mapping(target = "lastName", expression = "java(MoneyMapping.blankToNull(customer.lastName()))")
  @Mapping(target = "company", expression = "java(MoneyMapping.blankToNull(customer.company()))")
  @Mapping(target = "phone", expression = "java(MoneyMapping.blankToNull(customer.phone()))")
  @Mapping(target = "addresses", source = "addresses")
  @Mapping(target = "group", source = "customerGroup")
  @Mapping(target = "taxExempt", expression = "java(Boolean.TRUE.equals(customer.taxExempt()))")
  @Mapping(target = "creditLimit", ignore = true)
  @Mapping(target = "paymentTerms", ignore = true)
  @Mapping(target = "onHold", expression = "java(\"on_hold\".equals(customer.status()) || \"blocked\".equals(customer.status()))")
  @Mapping(target = "createdAt", source = "createdAt")
  @Mapping(target = "updatedAt", source = "updatedAt")
  Customer customer(V1Customer customer, @Context SystemId erpSystem);

  /** The Clarity id, and the ERP key as a ref of {@code erpSystem} when one is configured. */
  default List<ExternalRef> refs(String clarityId, String erpKey, @Context SystemId erpSystem) {
    List<ExternalRef> refs = new ArrayList<>();
    if (clarityId != null && !clarityId.isBlank()) {
      refs.add(ExternalRef.of(SystemId.CLARITY, clarityId));
    }
    if (erpSystem != null && erpKey != null && !erpKey.isBlank()) {
      refs.add(ExternalRef.of(erpSystem, erpKey));
    }
    return refs;
  }

  @Mapping(target = "key", source = "addressId")
  @Mapping(target = "address", expression = "java(customerAddressLines(address))")
  @Mapping(target = "defaultBilling", expression = "java(\"billing\".equals(address.type()) && Boolean.TRUE.equals(address.isDefault()))")
  @Mapping(target = "defaultShipping", expression = "java(\"shipping\".equals(address.type()) && Boolean.TRUE.equals(address.isDefault()))")
  CustomerAddress customerAddress(V1CustomerAddress address);

  default Address customerAddressLines(V1CustomerAddress a) {
    return address(new V1Address(a.firstName(), a.lastName(), a.company(), a.line1(), a.line2(), a.city(),
        a.region(), a.postalCode(), a.country(), a.phone()), null);
  }

  @Mapping(target = "refs", expression = "java(refs(product.productId(), null, null))")
  @Mapping(target = "ref", ignore = true)
  @Mapping(target = "sku", source = "sku")
  @Mapping(target = "name", source = "name")
  @Mapping(target = "shortDescription", source = "shortDescription")
  @Mapping(target = "longDescription", source = "description")
  @Mapping(target = "unitOfMeasure", source = "unitOfMeasure")
  @Mapping(target = "weight", expression = "java(product.weight() == null ? null : product.weight().value())")
  @Mapping(target = "status", expression = "java(itemStatus(product.status()))")
  @Mapping(target = "taxClass", source = "taxCode")
  @Mapping(target = "basePrice", expression = "java(product.price() == null || product.currency() == null ? null : Money.of(product.price(), Money.currency(product.currency())))")
  @Mapping(target = "attributes", expression = "java(attributes(product))")
  @Mapping(target = "updatedAt", source = "updatedAt")
  Item item(V1Product product);

  /** {@code active} → ACTIVE, {@code discontinued} → DISCONTINUED, anything else → INACTIVE; absent → ACTIVE. */
  default ItemStatus itemStatus(String status) {
    if (status == null) {
      return ItemStatus.ACTIVE;
    }
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "active" -> ItemStatus.ACTIVE;
      case "discontinued" -> ItemStatus.DISCONTINUED;
      default -> ItemStatus.INACTIVE;
    };
  }

  /** {@code attributes} plus {@code upc} as attribute {@code upc}. */
  default Map<String, String> attributes(V1Product product) {
    Map<String, String> out = new LinkedHashMap<>();
    if (product.attributes() != null) {
      out.putAll(product.attributes());
    }
    if (product.upc() != null) {
      out.put("upc", product.upc());
    }
    return out;
  }

  @Mapping(target = "refs", expression = "java(refs(shipment.shipmentId(), null, null))")
  @Mapping(target = "ref", ignore = true)
  @Mapping(target = "orderNumber", source = "orderNumber")
  @Mapping(target = "lines", source = "shipment.lineItems")
  @Mapping(target = "carrier", source = "shipment.carrier")
  @Mapping(target = "service", source = "shipment.service")
  @Mapping(target = "trackingNumbers", expression = "java(trackingNumbers(shipment.packages()))")
  @Mapping(target = "shippedAt", source = "shipment.shippedAt")
  @Mapping(target = "location", ignore = true)
  Shipment shipment(V1Shipment shipment, String orderNumber);

  default List<String> trackingNumbers(List<V1Package> packages) {
    return packages == null ? List.of()
        : packages.stream().map(V1Package::trackingNumber).filter(t -> t != null && !t.isBlank()).toList();
  }

  default ShipmentLine shipmentLine(V1ShipmentLine line) {
    return line == null ? null : ShipmentLine.of(line.sku(), line.quantity(), line.lineId());
  }

  @Mapping(target = "refs", ignore = true)
  @Mapping(target = "ref", ignore = true)
  @Mapping(target = "number", source = "invoiceNumber")
  @Mapping(target = "orderNumber", source = "orderNumber")
  @Mapping(target = "customerRef", expression = "java(invoice.customerId() == null ? null : ExternalRef.of(SystemId.CLARITY, invoice.customerId()))")
  @Mapping(target = "invoiceDate", source = "invoiceDate")
  @Mapping(target = "dueDate", source = "dueDate")
  @Mapping(target = "currency", expression = "java(currency)")
  @Mapping(target = "lines", source = "lines")
  @Mapping(target = "subtotal", source = "subtotalAmount")
  @Mapping(target = "discount", source = "discountAmount")
  @Mapping(target = "shipping", source = "shippingAmount")
  @Mapping(target = "tax", source = "taxAmount")
  @Mapping(target = "total", source = "totalAmount")
  @Mapping(target = "balanceDue", source = "balanceDue")
  Invoice invoice(V1Invoice invoice, @Context Currency currency);

  default InvoiceLine invoiceLine(V1InvoiceLine line, @Context Currency currency) {
    return line == null ? null : new InvoiceLine(line.sku(), line.description(), line.quantity(),
        MoneyMapping.money(line.unitPrice(), currency), MoneyMapping.money(line.totalAmount(), currency),
        line.lineId());
  }

  @Mapping(target = "sku", source = "item.sku")
  @Mapping(target = "location", source = "item.locationCode")
  @Mapping(target = "onHand", source = "item.onHand")
  @Mapping(target = "allocated", ignore = true)
  @Mapping(target = "available", source = "item.available")
  @Mapping(target = "asOf", source = "asOf")
  InventoryLevel inventoryLevel(V1InventoryItem item, Instant asOf);

  default Money money(BigDecimal amount, @Context Currency currency) {
    return MoneyMapping.money(amount, currency);
  }
}
