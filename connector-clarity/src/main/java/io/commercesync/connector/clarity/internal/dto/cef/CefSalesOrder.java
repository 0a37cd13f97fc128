package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code SalesOrderModel} as {@code GET /Ordering/SalesOrder/ID/{ID}} returns it (reference §2.5 [C];
 * sample {@code cef-native-salesorder.json}). {@code CustomKey} is varchar(128).
 */
public record CefSalesOrder(
    @JsonProperty("ID") Integer id,
    String customKey,
    Boolean active,
    String createdDate,
    String updatedDate,
    @JsonProperty("StatusID") Integer statusID,
    String statusKey,
    String statusName,
    String typeKey,
    @JsonProperty("AccountID") Integer accountID,
    String accountKey,
    String accountName,
    @JsonProperty("UserID") Integer userID,
    String userKey,
    String purchaseOrderNumber,
    String trackingNumber,
    @JsonProperty("PaymentTransactionID") String paymentTransactionID,
    Boolean shippingSameAsBilling,
    BigDecimal itemQuantity,
    BigDecimal balanceDue,
    String originalDate,
    String dueDate,
    CefTotals totals,
    CefContact billingContact,
    CefContact shippingContact,
    List<CefSalesItem> salesItems,
    List<CefSalesOrderPayment> salesOrderPayments) {}
