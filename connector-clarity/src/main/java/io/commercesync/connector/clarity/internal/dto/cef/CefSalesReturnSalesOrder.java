package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code AssociatedSalesOrders[]} of a sales return: {@code ISalesReturnSalesOrderModel}, a relationship
 * row to a sales order [C, S1 {@code 02.Interfaces/02.Clarity.Ecommerce.Interfaces.Models/Returning/ISalesReturnSalesOrderModel.generated.cs}].
 * That the order is the <em>slave</em> side ({@code SlaveID}) follows the relationship base [I].
 */
public record CefSalesReturnSalesOrder(
    @JsonProperty("ID") Integer id,
    @JsonProperty("MasterID") Integer masterID,
    @JsonProperty("SlaveID") Integer slaveID,
    String slaveKey) {}
