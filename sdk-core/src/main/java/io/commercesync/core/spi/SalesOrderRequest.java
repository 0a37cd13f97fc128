package io.commercesync.core.spi;

import io.commercesync.core.model.Order;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A storefront order, resolved for one ERP: the ERP customer it belongs to, the ERP item and site of
 * each line, the ERP shipping method, user-defined fields, and the company it goes to. The
 * OrdersToErp flow builds it (customer resolution, sku look-up, warehouse and method mapping); the
 * ERP connector turns it into its document.
 *
 * @param order the canonical order, unchanged
 * @param customerId the ERP customer id (GP {@code CUSTNMBR}, SL {@code CustID})
 * @param lines one assignment per canonical line that goes to the ERP
 * @param shippingMethod the ERP shipping method (GP {@code SHIPMTHD}, SL {@code ShipViaID}), or null
 * @param userDefinedFields ERP user-defined fields by ERP field name (GP taSopUserDefined
 *     {@code USRDEF03}, SL {@code User1}…), limits enforced by the connector
 * @param company the ERP company (GP company database, SL {@code CpnyID}), or null for the default
 */
public record SalesOrderRequest(
    Order order,
    String customerId,
    List<SalesLine> lines,
    String shippingMethod,
    Map<String, String> userDefinedFields,
    String company) {

  public SalesOrderRequest {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(customerId, "customerId");
    lines = List.copyOf(lines);
    userDefinedFields = userDefinedFields == null ? Map.of() : Map.copyOf(userDefinedFields);
  }

  /** The assignment for canonical line {@code lineNumber}, if it goes to the ERP. */
  public Optional<SalesLine> line(int lineNumber) {
    return lines.stream().filter(l -> l.lineNumber() == lineNumber).findFirst();
  }
}
