package io.commercesync.connector.magento.internal.dto;

import java.util.List;

/**
 * CustomerInterface ({@code GET /V1/customers/{id}}): customer-level {@code default_billing} and
 * {@code default_shipping} are string address ids, while each address's own flags are booleans (present
 * only when true); {@code gender} is an integer; {@code extension_attributes.is_subscribed} a boolean.
 */
public record CustomerDto(
    Long id,
    Integer groupId,
    String defaultBilling,
    String defaultShipping,
    String createdAt,
    String updatedAt,
    String createdIn,
    String dob,
    String email,
    String firstname,
    String middlename,
    String lastname,
    String prefix,
    String suffix,
    Integer gender,
    Integer storeId,
    String taxvat,
    Integer websiteId,
    List<CustomerAddressDto> addresses,
    Integer disableAutoGroupChange,
    CustomerExtension extensionAttributes,
    List<CustomAttributeDto> customAttributes) {

  /** {@code extension_attributes} of a customer. */
  public record CustomerExtension(Boolean isSubscribed) {}
}
