package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code SalesInvoiceModel}, a sales collection like the order ({@code Totals}, {@code SalesItems},
 * {@code BalanceDue}, {@code DueDate}); routes {@code /Invoicing/SalesInvoice/...} [C, S1
 * {@code _T4/Services.Invoicing.SalesInvoice.cs}]. {@code CustomKey} holds the ERP invoice number; the
 * storefront order is linked through {@code SalesOrderIDs} [I].
 */
public record CefSalesInvoice(
    @JsonProperty("ID") Integer id,
    String customKey,
    Boolean active,
    String createdDate,
    String updatedDate,
    String dueDate,
    String statusKey,
    @JsonProperty("AccountID") Integer accountID,
    String accountKey,
    BigDecimal balanceDue,
    String currencyKey,
    CefTotals totals,
    List<CefSalesItem> salesItems,
    @JsonProperty("SalesOrderIDs") List<Integer> salesOrderIDs) {}
