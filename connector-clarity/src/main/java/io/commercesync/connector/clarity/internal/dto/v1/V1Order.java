package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order: {@code GET /api/v1/orders/{orderId}} (sample {@code order.json}). The brief's fields [B]
 * ({@code orderId, customerId, orderDate, status, totalAmount, currency, shippingAddress,
 * billingAddress, lineItems, paymentInfo}) plus the proposal's breakdown [P]. {@code payments[]} is
 * CommerceSync's addition [P+] for split payments (a gift card and a card): when present it lists every payment
 * of the order and {@code paymentInfo} is ignored.
 */
public record V1Order(
    String orderId,
    String orderNumber,
    String customerId,
    String email,
    Instant orderDate,
    Instant updatedAt,
    String status,
    String currency,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal subtotalAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal discountAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal shippingAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal taxAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal totalAmount,
    V1ShippingMethod shippingMethod,
    V1Address shippingAddress,
    V1Address billingAddress,
    List<V1LineItem> lineItems,
    V1PaymentInfo paymentInfo,
    List<V1PaymentInfo> payments) {}
