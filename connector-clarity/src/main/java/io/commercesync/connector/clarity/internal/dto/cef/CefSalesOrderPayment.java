package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code SalesOrder.SalesOrderPayments[]}: CEF's association of an order (master) with a
 * payment ({@code Slave}, a {@code PaymentModel}). Source: CEF {@code ISalesOrderModel.SalesOrderPayments}
 * and {@code SalesOrderWithSalesOrderPaymentsAssociationWorkflow} (reads {@code model.Slave.Amount}).
 */
public record CefSalesOrderPayment(
    @JsonProperty("ID") Integer id,
    @JsonProperty("SlaveID") Integer slaveID,
    CefPayment slave) {}
