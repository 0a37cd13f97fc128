package io.commercesync.connector.magento.internal.dto;

import java.util.List;

/**
 * OrderAddressInterface: {@code street} is an array of 1–4 lines; {@code region} is the name string here
 * (an object on customer addresses); {@code customer_address_id} is absent for guests and new addresses;
 * {@code postcode} may be absent where the country has none.
 */
public record OrderAddressDto(
    Long entityId,
    Long parentId,
    String addressType,
    Long customerAddressId,
    Long customerId,
    String prefix,
    String firstname,
    String middlename,
    String lastname,
    String suffix,
    String company,
    List<String> street,
    String city,
    String region,
    String regionCode,
    Long regionId,
    String postcode,
    String countryId,
    String telephone,
    String fax,
    String email,
    String vatId) {}
