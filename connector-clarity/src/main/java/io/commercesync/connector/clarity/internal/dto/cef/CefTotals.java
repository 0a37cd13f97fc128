package io.commercesync.connector.clarity.internal.dto.cef;

import java.math.BigDecimal;

/**
 * {@code Totals} of a sales collection (order, invoice): {@code ICartTotals} in CEF (reference §2.5 [C]).
 */
public record CefTotals(
    BigDecimal subTotal,
    BigDecimal shipping,
    BigDecimal handling,
    BigDecimal fees,
    BigDecimal discounts,
    BigDecimal tax,
    BigDecimal total) {}
