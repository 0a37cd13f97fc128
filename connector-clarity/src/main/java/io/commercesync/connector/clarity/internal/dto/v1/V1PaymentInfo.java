package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code paymentInfo} of an order, or one entry of {@code payments[]} (card brand and last four only, never a
 * card number). {@code paymentId} and {@code invoiceNumber} (the invoice a payment pays) are CommerceSync's
 * additions to the proposal [P+], mirroring CEF's {@code PaymentModel.ID} and {@code InvoiceNumber}.
 */
public record V1PaymentInfo(
    String paymentId,
    String method,
    String status,
    String transactionId,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal amount,
    String currency,
    String cardBrand,
    String last4,
    Instant capturedAt,
    String invoiceNumber) {}
