package io.commercesync.connector.magento.internal.dto;

import java.util.List;

/** {@code {"prices":[...]}} for the price-storage endpoints. */
public record PricesRequestDto<T>(List<T> prices) {}
