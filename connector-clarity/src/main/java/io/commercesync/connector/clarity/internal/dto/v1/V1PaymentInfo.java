package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code paymentInfo} of an order (card brand and last four only, never a card number). */
public record V1PaymentInfo(
    String method,
    String status,
    String transactionId,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal amount,
    String currency,
    String cardBrand,
    String last4,
    Instant capturedAt) {}
