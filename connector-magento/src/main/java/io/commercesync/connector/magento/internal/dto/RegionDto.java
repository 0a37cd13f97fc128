package io.commercesync.connector.magento.internal.dto;

/** A customer address's {@code region}: {@code {"region_code":"TX","region":"Texas","region_id":57}}. */
public record RegionDto(String regionCode, String region, Long regionId) {}
