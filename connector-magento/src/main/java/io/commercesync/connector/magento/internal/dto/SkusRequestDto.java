package io.commercesync.connector.magento.internal.dto;

import java.util.List;

/** {@code {"skus":[...]}} for the {@code *-information} price reads. */
public record SkusRequestDto(List<String> skus) {}
