package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A return (refund) of the v1 contract: <strong>CommerceSync's proposal [P+]</strong>, the reference's
 * §4 has no returns endpoint. {@code GET /api/v1/returns?updatedSince=&page=&pageSize=} (the orders
 * envelope and paging), {@code GET /api/v1/returns/{returnId}}, {@code GET /api/v1/returns?returnNumber=}.
 * camelCase, amounts as JSON numbers next to {@code currency}; {@code adjustmentAmount} is signed
 * (+ further refund, − fee kept) so that Σ {@code lineItems[].totalAmount} + {@code shippingAmount} +
 * {@code adjustmentAmount} + {@code taxAmount} = {@code totalAmount}. Statuses: {@code requested},
 * {@code approved}, {@code received}, {@code refunded}, {@code rejected}, {@code cancelled}.
 */
public record V1Return(
    String returnId,
    String returnNumber,
    String orderId,
    String orderNumber,
    String status,
    String reason,
    String currency,
    Instant createdAt,
    Instant updatedAt,
    List<V1ReturnLine> lineItems,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal shippingAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal adjustmentAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal taxAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal totalAmount) {}
