package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.internal.dto.v1.V1Customer;
import io.commercesync.connector.clarity.internal.dto.v1.V1CustomerAddress;
import io.commercesync.connector.clarity.internal.dto.v1.V1InventoryItem;
import io.commercesync.connector.clarity.internal.dto.v1.V1Invoice;
import io.commercesync.connector.clarity.internal.dto.v1.V1InvoiceLine;
import io.commercesync.connector.clarity.internal.dto.v1.V1Package;
import io.commercesync.connector.clarity.internal.dto.v1.V1Shipment;
import io.commercesync.connector.clarity.internal.dto.v1.V1ShipmentLine;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.InvoiceLine;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.ShipmentLine;
import io.commercesync.core.spi.StockUpdate;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Canonical records → {@code /api/v1} request bodies.
 *
 * <table>
 *   <caption>Field mapping</caption>
 *   <tr><th>canonical</th><th>v1</th></tr>
 *   <tr><td>{@code CustomerAddress} roles</td><td>{@code type} billing/shipping + {@code isDefault}</td></tr>
 *   <tr><td>{@code Address.lines[0..1]}, {@code regionCode} (else {@code region}), {@code countryCode}</td><td>{@code line1, line2, region, country}</td></tr>
 *   <tr><td>ERP ref of the customer</td><td>{@code externalId}</td></tr>
 *   <tr><td>{@code Shipment.trackingNumbers[]}</td><td>{@code packages[].trackingNumber}</td></tr>
 *   <tr><td>{@code Shipment.lines[].orderLineId/sku/quantity}</td><td>{@code lineItems[].lineId/sku/quantity}</td></tr>
 *   <tr><td>ERP ref of the shipment</td><td>{@code externalShipmentId}</td></tr>
 *   <tr><td>{@code StockUpdate.sku/location/quantity}</td><td>{@code items[].sku/locationCode/available}</td></tr>
 *   <tr><td>{@code InventoryLevel.available/onHand}</td><td>{@code items[].available/onHand}</td></tr>
 *   <tr><td>{@code Invoice.number/orderNumber/…/balanceDue}</td><td>{@code invoiceNumber/orderNumber/…Amount/balanceDue}</td></tr>
 * </table>
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.ERROR, imports = MoneyMapping.class)
public interface V1WriteMapper {

  V1WriteMapper INSTANCE = Mappers.getMapper(V1WriteMapper.class);

  @Mapping(target = "addressId", source = "key")
  @Mapping(target = "type", expression = "java(address.defaultShipping() && !address.defaultBilling() ? \"shipping\" : \"billing\")")
  @Mapping(target = "isDefault", expression = "java(address.defaultBilling() || address.defaultShipping())")
  @Mapping(target = "firstName", source = "address.firstName")
  @Mapping(target = "lastName", source = "address.lastName")
  @Mapping(target = "company", source = "address.company")
  @Mapping(target = "line1", expression = "java(address.address().lines().isEmpty() ? null : address.address().lines().get(0))")
  @Mapping(target = "line2", expression = "java(address.address().lines().size() < 2 ? null : String.join(\", \", address.address().lines().subList(1, address.address().lines().size())))")
  @Mapping(target = "city", source = "address.city")
  @Mapping(target = "region", expression = "java(address.address().regionCode() != null ? address.address().regionCode() : address.address().region())")
  @Mapping(target = "postalCode", source = "address.postalCode")
  @Mapping(target = "country", source = "address.countryCode")
  @Mapping(target = "phone", source = "address.phone")
  V1CustomerAddress address(CustomerAddress address);

  @Mapping(target = "customerId", source = "customerId")
  @Mapping(target = "externalId", source = "externalId")
  @Mapping(target = "email", source = "customer.email")
  @Mapping(target = "firstName", source = "customer.firstName")
  @Mapping(target = "lastName", source = "customer.lastName")
  @Mapping(target = "company", source = "customer.company")
  @Mapping(target = "phone", source = "customer.phone")
  @Mapping(target = "status", expression = "java(customer.onHold() ? \"on_hold\" : \"active\")")
  @Mapping(target = "customerGroup", source = "customer.group")
  @Mapping(target = "taxExempt", source = "customer.taxExempt")
  @Mapping(target = "acceptsMarketing", ignore = true)
  @Mapping(target = "createdAt", ignore = true)
  @Mapping(target = "updatedAt", ignore = true)
  @Mapping(target = "addresses", source = "customer.addresses")
  V1Customer customer(Customer customer, String customerId, String externalId);

  @Mapping(target = "shipmentId", ignore = true)
  @Mapping(target = "orderId", ignore = true)
  @Mapping(target = "externalShipmentId", source = "externalShipmentId")
  @Mapping(target = "carrier", source = "shipment.carrier")
  @Mapping(target = "service", source = "shipment.service")
  @Mapping(target = "shippedAt", source = "shipment.shippedAt")
  @Mapping(target = "notifyCustomer", source = "notifyCustomer")
  @Mapping(target = "packages", expression = "java(packages(shipment.trackingNumbers()))")
  @Mapping(target = "lineItems", source = "shipment.lines")
  V1Shipment shipment(Shipment shipment, String externalShipmentId, Boolean notifyCustomer);

  default List<V1Package> packages(List<String> trackingNumbers) {
    return trackingNumbers.stream().map(t -> new V1Package(t, null, null)).toList();
  }

  @Mapping(target = "lineId", source = "orderLineId")
  @Mapping(target = "sku", source = "sku")
  @Mapping(target = "quantity", source = "quantity")
  V1ShipmentLine shipmentLine(ShipmentLine line);

  @Mapping(target = "invoiceNumber", source = "invoice.number")
  @Mapping(target = "orderNumber", source = "invoice.orderNumber")
  @Mapping(target = "customerId", source = "customerId")
  @Mapping(target = "invoiceDate", source = "invoice.invoiceDate")
  @Mapping(target = "dueDate", source = "invoice.dueDate")
  @Mapping(target = "currency", expression = "java(invoice.currency().getCurrencyCode())")
  @Mapping(target = "subtotalAmount", expression = "java(MoneyMapping.amount(invoice.subtotal()))")
  @Mapping(target = "discountAmount", expression = "java(MoneyMapping.amount(invoice.discount()))")
  @Mapping(target = "shippingAmount", expression = "java(MoneyMapping.amount(invoice.shipping()))")
  @Mapping(target = "taxAmount", expression = "java(MoneyMapping.amount(invoice.tax()))")
  @Mapping(target = "totalAmount", expression = "java(MoneyMapping.amount(invoice.total()))")
  @Mapping(target = "balanceDue", expression = "java(MoneyMapping.amount(invoice.balanceDue()))")
  @Mapping(target = "lines", source = "invoice.lines")
  V1Invoice invoice(Invoice invoice, String customerId);

  @Mapping(target = "lineId", source = "orderLineId")
  @Mapping(target = "sku", source = "sku")
  @Mapping(target = "description", source = "description")
  @Mapping(target = "quantity", source = "quantity")
  @Mapping(target = "unitPrice", expression = "java(MoneyMapping.amount(line.unitPrice()))")
  @Mapping(target = "totalAmount", expression = "java(MoneyMapping.amount(line.total()))")
  V1InvoiceLine invoiceLine(InvoiceLine line);

  @Mapping(target = "sku", source = "sku")
  @Mapping(target = "locationCode", source = "location")
  @Mapping(target = "available", source = "quantity")
  @Mapping(target = "onHand", ignore = true)
  V1InventoryItem stock(StockUpdate update);

  @Mapping(target = "sku", source = "sku")
  @Mapping(target = "locationCode", source = "location")
  @Mapping(target = "available", source = "available")
  @Mapping(target = "onHand", source = "onHand")
  V1InventoryItem level(InventoryLevel level);
}
