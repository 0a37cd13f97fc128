package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.internal.dto.cef.CefAccount;
import io.commercesync.connector.clarity.internal.dto.cef.CefAccountContact;
import io.commercesync.connector.clarity.internal.dto.cef.CefAddress;
import io.commercesync.connector.clarity.internal.dto.cef.CefContact;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesInvoice;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesItem;
import io.commercesync.connector.clarity.internal.dto.cef.CefShipment;
import io.commercesync.connector.clarity.internal.dto.cef.CefTotals;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.InvoiceLine;
import io.commercesync.core.model.Shipment;
import java.util.ArrayList;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Canonical records → native (CEF) write models.
 *
 * <table>
 *   <caption>Field mapping</caption>
 *   <tr><th>canonical</th><th>CEF</th></tr>
 *   <tr><td>{@code Address.lines[0..2]}</td><td>{@code Street1..3}</td></tr>
 *   <tr><td>{@code Address.countryCode} (alpha-2)</td><td>{@code CountryCode} (alpha-3, as the sample)</td></tr>
 *   <tr><td>{@code Address.email/phone}</td><td>{@code ContactModel.Email1/Phone1}</td></tr>
 *   <tr><td>{@code Customer.company} (else first + last name)</td><td>{@code AccountModel.Name}</td></tr>
 *   <tr><td>ERP ref of the customer</td><td>{@code AccountModel.CustomKey}</td></tr>
 *   <tr><td>{@code Customer.taxExempt/onHold/creditLimit/group}</td><td>{@code IsTaxable} (negated){@code /IsOnHold/Credit/TypeKey}</td></tr>
 *   <tr><td>{@code Shipment.trackingNumbers[0]}, {@code [1..3]}</td><td>{@code TrackingNumber}, {@code Reference1..3} [I]</td></tr>
 *   <tr><td>{@code Shipment.carrier/service/shippedAt}</td><td>{@code CarrierName/ShipMethod/ShipDate}</td></tr>
 *   <tr><td>{@code Invoice.number/dueDate/balanceDue}</td><td>{@code SalesInvoice.CustomKey/DueDate/BalanceDue}</td></tr>
 *   <tr><td>{@code Invoice.subtotal/discount/shipping/tax/total}</td><td>{@code Totals.SubTotal/Discounts/Shipping/Tax/Total}</td></tr>
 *   <tr><td>{@code InvoiceLine.sku/description/quantity/unitPrice/total}</td><td>{@code SalesItems[].Sku/Name/Quantity/UnitSoldPrice/ExtendedPrice}</td></tr>
 * </table>
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.ERROR,
    imports = {MoneyMapping.class, CountryCodes.class, CefDates.class})
public interface CefWriteMapper {

  CefWriteMapper INSTANCE = Mappers.getMapper(CefWriteMapper.class);

  @Mapping(target = "id", ignore = true)
  @Mapping(target = "customKey", ignore = true)
  @Mapping(target = "company", source = "company")
  @Mapping(target = "street1", expression = "java(line(address.lines(), 0))")
  @Mapping(target = "street2", expression = "java(line(address.lines(), 1))")
  @Mapping(target = "street3", expression = "java(line(address.lines(), 2))")
  @Mapping(target = "city", source = "city")
  @Mapping(target = "regionCode", source = "regionCode")
  @Mapping(target = "regionName", source = "region")
  @Mapping(target = "postalCode", source = "postalCode")
  @Mapping(target = "countryCode", expression = "java(CountryCodes.toAlpha3(address.countryCode()))")
  @Mapping(target = "countryName", ignore = true)
  @Mapping(target = "phone", ignore = true)
  CefAddress address(Address address);

  /** Street line {@code i}; lines past the third are joined onto {@code Street3}. */
  default String line(List<String> lines, int i) {
    if (lines == null || lines.size() <= i) {
      return null;
    }
    if (i == 2 && lines.size() > 3) {
      return String.join(", ", lines.subList(2, lines.size()));
    }
    return lines.get(i);
  }

  @Mapping(target = "id", ignore = true)
  @Mapping(target = "customKey", ignore = true)
  @Mapping(target = "firstName", source = "firstName")
  @Mapping(target = "middleName", ignore = true)
  @Mapping(target = "lastName", source = "lastName")
  @Mapping(target = "fullName", ignore = true)
  @Mapping(target = "email1", source = "email")
  @Mapping(target = "phone1", source = "phone")
  @Mapping(target = "phone2", ignore = true)
  @Mapping(target = "fax1", ignore = true)
  @Mapping(target = "title", ignore = true)
  @Mapping(target = "address", source = "address")
  CefContact contact(Address address);

  @Mapping(target = "id", source = "id")
  @Mapping(target = "customKey", source = "customKey")
  @Mapping(target = "active", constant = "true")
  @Mapping(target = "name", expression = "java(accountName(customer))")
  @Mapping(target = "createdDate", ignore = true)
  @Mapping(target = "updatedDate", ignore = true)
  @Mapping(target = "typeKey", source = "customer.group")
  @Mapping(target = "isOnHold", source = "customer.onHold")
  @Mapping(target = "isTaxable", expression = "java(!customer.taxExempt())")
  @Mapping(target = "taxExemptionNo", ignore = true)
  @Mapping(target = "credit", expression = "java(MoneyMapping.amount(customer.creditLimit()))")
  @Mapping(target = "creditCurrencyKey", expression = "java(customer.creditLimit() == null ? null : customer.creditLimit().currency().getCurrencyCode())")
  @Mapping(target = "accountContacts", expression = "java(accountContacts(customer))")
  CefAccount account(Customer customer, Integer id, String customKey);

  /** The company, else "first last", else the e-mail. */
  default String accountName(Customer c) {
    if (c.company() != null && !c.company().isBlank()) {
      return c.company();
    }
    String name = String.join(" ", MoneyMapping.lines(c.firstName(), c.lastName()));
    return name.isBlank() ? c.email() : name;
  }

  /**
   * One account contact per address; the customer's own e-mail and phone go on the first (primary)
   * one. A customer without addresses still gets one contact carrying its name and e-mail.
   */
  default List<CefAccountContact> accountContacts(Customer c) {
    List<CefAccountContact> out = new ArrayList<>();
    List<CustomerAddress> addresses = c.addresses();
    if (addresses.isEmpty()) {
      out.add(new CefAccountContact(null, null, null, null, null, null, true, true,
          new CefContact(null, null, c.firstName(), null, c.lastName(), null, c.email(), c.phone(), null, null,
              null, null)));
      return out;
    }
    for (int i = 0; i < addresses.size(); i++) {
      CustomerAddress ca = addresses.get(i);
      CefContact contact = contact(ca.address());
      if (i == 0) {
        contact = new CefContact(null, null,
            contact.firstName() != null ? contact.firstName() : c.firstName(), null,
            contact.lastName() != null ? contact.lastName() : c.lastName(), null,
            contact.email1() != null ? contact.email1() : c.email(),
            contact.phone1() != null ? contact.phone1() : c.phone(), null, null, null, contact.address());
      }
      out.add(new CefAccountContact(null, ca.key(), null, null, null, null,
          ca.defaultShipping() || (i == 0 && addresses.stream().noneMatch(CustomerAddress::defaultShipping)),
          ca.defaultBilling(), contact));
    }
    return out;
  }

  @Mapping(target = "id", ignore = true)
  @Mapping(target = "customKey", source = "customKey")
  @Mapping(target = "active", constant = "true")
  @Mapping(target = "trackingNumber", expression = "java(tracking(shipment, 0))")
  @Mapping(target = "carrierName", source = "shipment.carrier")
  @Mapping(target = "shipMethod", source = "shipment.service")
  @Mapping(target = "shipDate", expression = "java(CefDates.format(shipment.shippedAt()))")
  @Mapping(target = "estimatedDeliveryDate", ignore = true)
  @Mapping(target = "reference1", expression = "java(tracking(shipment, 1))")
  @Mapping(target = "reference2", expression = "java(tracking(shipment, 2))")
  @Mapping(target = "reference3", expression = "java(tracking(shipment, 3))")
  @Mapping(target = "salesOrderIDs", source = "salesOrderIDs")
  @Mapping(target = "updatedDate", ignore = true)
  CefShipment shipment(Shipment shipment, String customKey, List<Integer> salesOrderIDs);

  default String tracking(Shipment s, int i) {
    return s.trackingNumbers().size() > i ? s.trackingNumbers().get(i) : null;
  }

  @Mapping(target = "id", ignore = true)
  @Mapping(target = "customKey", source = "invoice.number")
  @Mapping(target = "active", constant = "true")
  @Mapping(target = "createdDate", expression = "java(CefDates.format(invoice.invoiceDate()))")
  @Mapping(target = "updatedDate", ignore = true)
  @Mapping(target = "dueDate", expression = "java(CefDates.format(invoice.dueDate()))")
  @Mapping(target = "statusKey", ignore = true)
  @Mapping(target = "accountID", ignore = true)
  @Mapping(target = "accountKey", source = "accountKey")
  @Mapping(target = "balanceDue", expression = "java(MoneyMapping.amount(invoice.balanceDue()))")
  @Mapping(target = "currencyKey", expression = "java(invoice.currency().getCurrencyCode())")
  @Mapping(target = "totals", expression = "java(totals(invoice))")
  @Mapping(target = "salesItems", source = "invoice.lines")
  @Mapping(target = "salesOrderIDs", source = "salesOrderIDs")
  CefSalesInvoice invoice(Invoice invoice, String accountKey, List<Integer> salesOrderIDs);

  default CefTotals totals(Invoice i) {
    return new CefTotals(MoneyMapping.amount(i.subtotal()), MoneyMapping.amount(i.shipping()), null, null,
        MoneyMapping.amount(i.discount()), MoneyMapping.amount(i.tax()), MoneyMapping.amount(i.total()));
  }

  default CefSalesItem invoiceItem(InvoiceLine line) {
    return line == null ? null : new CefSalesItem(null, line.orderLineId(), null, line.description(), null,
        line.sku(), line.quantity(), null, null, MoneyMapping.amount(line.unitPrice()), null,
        MoneyMapping.amount(line.total()), null, null, null, line.total().currency().getCurrencyCode(), null,
        null);
  }
}
