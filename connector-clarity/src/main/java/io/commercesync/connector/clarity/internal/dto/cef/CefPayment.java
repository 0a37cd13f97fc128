package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A CEF {@code PaymentModel}, as far as the ERP needs it. Source: CEF {@code IPaymentModel.extended.cs}
 * ({@code Received}, {@code ReceivedDate}, {@code TransactionNumber}, {@code Last4CardDigits},
 * {@code PaymentMethodKey}) and the {@code IPayment} members it inherits ({@code Amount},
 * {@code InvoiceNumber}: the invoice a payment pays, when it pays one).
 */
public record CefPayment(
    @JsonProperty("ID") Integer id,
    BigDecimal amount,
    String paymentMethodKey,
    String transactionNumber,
    String last4CardDigits,
    Boolean received,
    String receivedDate,
    String invoiceNumber) {}
