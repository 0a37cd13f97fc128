package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** An order's {@code extension_attributes}: shipping assignments, taxes, payment key/value pairs. */
public record OrderExtensionDto(
    List<ShippingAssignment> shippingAssignments,
    List<KeyValue> paymentAdditionalInfo,
    List<AppliedTax> appliedTaxes,
    List<ItemAppliedTax> itemAppliedTaxes,
    Boolean convertingFromQuote) {

  /** {@code shipping_assignments[]}: the shipping address and method, and a copy of the items. */
  public record ShippingAssignment(Shipping shipping, List<OrderItemDto> items) {}

  /** {@code shipping}: {@code method} is {@code carrier_method} such as {@code flatrate_flatrate}. */
  public record Shipping(OrderAddressDto address, String method, JsonNode total) {}

  /** {@code {"key":"method_title","value":"Check / Money order"}}. */
  public record KeyValue(String key, String value) {}

  /** {@code applied_taxes[]}: one tax rate applied to the order. */
  public record AppliedTax(
      String code, String title, BigDecimal percent, BigDecimal amount, BigDecimal baseAmount) {}

  /** {@code item_applied_taxes[]}: {@code type} is {@code product}, {@code shipping}… */
  public record ItemAppliedTax(
      String type, Long itemId, Long associatedItemId, List<AppliedTax> appliedTaxes) {}
}
