package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code AddressModel} (reference §2.5 [C]). Limits from CEF's data model: {@code Street1} 255,
 * {@code City} 100, {@code PostalCode} 50 (samples/clarity/README.md, "Field limits").
 * {@code CountryCode} is what the site stores; the sample shows ISO alpha-3 ({@code USA}).
 */
public record CefAddress(
    @JsonProperty("ID") Integer id,
    String customKey,
    String company,
    String street1,
    String street2,
    String street3,
    String city,
    String regionCode,
    String regionName,
    String postalCode,
    String countryCode,
    String countryName,
    String phone) {}
