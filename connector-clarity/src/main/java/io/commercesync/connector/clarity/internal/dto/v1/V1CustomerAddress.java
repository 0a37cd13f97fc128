package io.commercesync.connector.clarity.internal.dto.v1;

/** {@code addresses[]} of a customer ({@code customer.json}): {@code type} billing/shipping, {@code isDefault}. */
public record V1CustomerAddress(
    String addressId,
    String type,
    Boolean isDefault,
    String firstName,
    String lastName,
    String company,
    String line1,
    String line2,
    String city,
    String region,
    String postalCode,
    String country,
    String phone) {}
