package io.commercesync.connector.magento.internal.dto;

import java.util.List;

/**
 * A customer's address (AddressInterface): {@code region} is an object here, {@code default_billing} /
 * {@code default_shipping} booleans present only when true.
 */
public record CustomerAddressDto(
    Long id,
    Long customerId,
    RegionDto region,
    Long regionId,
    String countryId,
    List<String> street,
    String company,
    String telephone,
    String fax,
    String postcode,
    String city,
    String firstname,
    String middlename,
    String lastname,
    String prefix,
    String suffix,
    String vatId,
    Boolean defaultBilling,
    Boolean defaultShipping) {}
