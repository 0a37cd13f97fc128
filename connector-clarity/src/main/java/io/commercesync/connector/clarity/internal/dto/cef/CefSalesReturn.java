package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code SalesReturnModel} as {@code GET /Returning/SalesReturns} and {@code GET /Returning/SalesReturn/ID/{ID}}
 * return it [C, S1 {@code 06.Services/06.Clarity.Ecommerce.Service/_T4/Services.Returning.SalesReturn.cs}].
 *
 * <p>A sales return is a sales collection like an order
 * ({@code 02.Interfaces/02.Clarity.Ecommerce.Interfaces.Models/Returning/ISalesReturnModel.generated.cs}:
 * {@code ISalesCollectionBaseModel}, status, state, type, contacts): {@code ID}, {@code CustomKey},
 * {@code CreatedDate}/{@code UpdatedDate} ({@code BaseModel}), {@code StatusID/StatusKey/StatusName},
 * {@code Totals} ({@code ICartTotals}) and {@code SalesItems[]}
 * ({@code _Shared/RootInterfaces/ISalesCollectionBaseModel.cs}). Return-specific
 * ({@code Returning/ISalesReturnModel.extended.cs}): {@code RefundAmount}, {@code RefundTransactionID},
 * {@code ReturnApprovedDate}, the link to the refunded order as {@code SalesOrderIDs[]} and
 * {@code AssociatedSalesOrders[]} ({@code ISalesReturnSalesOrderModel}, a relationship row to a sales order).
 */
public record CefSalesReturn(
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
    BigDecimal refundAmount,
    @JsonProperty("RefundTransactionID") String refundTransactionID,
    String returnApprovedDate,
    @JsonProperty("SalesOrderIDs") List<Integer> salesOrderIDs,
    List<CefSalesReturnSalesOrder> associatedSalesOrders,
    CefTotals totals,
    List<CefSalesReturnItem> salesItems) {}
