package io.commercesync.connector.clarity.internal.dto.v1;

/** An order or customer address ({@code order.json} {@code shippingAddress}/{@code billingAddress}). */
public record V1Address(
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
