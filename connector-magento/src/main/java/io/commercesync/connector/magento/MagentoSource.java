package io.commercesync.connector.magento;

/**
 * An MSI source from {@code GET /V1/inventory/sources} ({@code source_code}, {@code name},
 * {@code enabled}, {@code country_id}, {@code postcode}).
 *
 * @param code {@code source_code}
 * @param name {@code name}
 * @param enabled {@code enabled}
 * @param countryId {@code country_id}
 * @param postcode {@code postcode}
 */
public record MagentoSource(String code, String name, boolean enabled, String countryId, String postcode) {}
