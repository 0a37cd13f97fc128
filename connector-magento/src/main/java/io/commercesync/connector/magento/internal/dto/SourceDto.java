package io.commercesync.connector.magento.internal.dto;

/** An MSI source ({@code GET /V1/inventory/sources}); {@code enabled} is a boolean. */
public record SourceDto(
    String sourceCode, String name, Boolean enabled, String countryId, String postcode) {}
