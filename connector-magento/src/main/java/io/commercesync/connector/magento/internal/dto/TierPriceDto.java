package io.commercesync.connector.magento.internal.dto;

import java.math.BigDecimal;

/**
 * TierPriceInterface: {@code price_type} {@code fixed} or {@code discount}; {@code customer_group} is the
 * group's code (e.g. {@code General}, {@code NOT LOGGED IN}), not its id.
 */
public record TierPriceDto(
    BigDecimal price,
    String priceType,
    Integer websiteId,
    String sku,
    String customerGroup,
    BigDecimal quantity) {}
