package io.commercesync.connector.dynamicsgp.internal.mapping;

import io.commercesync.connector.dynamicsgp.GpSettings;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Canonical records holding what the GP samples hold. */
public final class CanonicalSamples {

  private CanonicalSamples() {}

  public static GpSettings settings() {
    return GpSettings.builder().taxScheduleId("WEBTAX").paymentTermsId("CREDIT CARD").customerClass("WEB").build();
  }

  public static Address janeAtHome() {
    return Address.builder().firstName("Jane").lastName("Smith").addLine("1200 Example Avenue").addLine("Suite 300")
        .city("Springfield").regionCode("IL").region("Illinois").postalCode("62704-1234").countryCode("US")
        .phone("(217) 555-0123").build();
  }

  public static Customer jane() {
    Address lake = Address.builder().firstName("Jane").lastName("Smith").addLine("48 Lakeview Road").city("Madison")
        .regionCode("WI").postalCode("53703").countryCode("US").phone("608-555-0199").build();
    return Customer.builder().ref(ExternalRef.of(SystemId.MAGENTO, "88231")).email("jane.smith@example.com")
        .firstName("Jane").lastName("Smith")
        .addAddress(new CustomerAddress("1", janeAtHome(), true, false))
        .addAddress(new CustomerAddress("2", lake, false, true)).build();
  }

  public static Order order() {
    return Order.builder().number("WEB-100045871").placedAt(Instant.parse("2024-03-14T15:20:00Z"))
        .status(OrderStatus.PROCESSING).currency("USD").customerRef(ExternalRef.of(SystemId.MAGENTO, "88231"))
        .customer(jane()).billingAddress(janeAtHome()).shippingAddress(janeAtHome())
        .addLine(OrderLine.builder().lineNumber(1).sku("WDG-1001-BLU").name("Widget, blue, 10 cm").quantity("2")
            .unitPrice(Money.of("24.50", "USD")).build())
        .addLine(OrderLine.builder().lineNumber(2).sku("CBL-USB-C-2M").name("USB-C cable, 2 m").quantity("1")
            .unitPrice(Money.of("12.99", "USD")).build())
        .subtotal(Money.of("61.99", "USD")).shipping(Money.of("7.95", "USD")).tax(Money.of("5.11", "USD"))
        .grandTotal(Money.of("75.05", "USD")).build();
  }

  public static SalesOrderRequest request(Order order) {
    List<SalesLine> lines = order.lines().stream()
        .map(l -> new SalesLine(l.lineNumber(), l.sku(), null, null)).toList();
    return new SalesOrderRequest(order, "WEBJSMITH0001", lines, "UPS GROUND", Map.of(), null);
  }

  public static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }
}
