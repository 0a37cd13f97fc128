package io.commercesync.connector.dynamicsgp.webservices;

import io.commercesync.core.model.Money;
import java.time.LocalDate;

/**
 * A sales order as Web Services for GP returns it ({@code GetSalesOrderByKey}).
 *
 * @param sopnumbe the order number (SalesOrder Key/Id)
 * @param custnmbr the customer (CustomerKey/Id)
 * @param customerPoNumber the customer PO (CSTPONBR), where the storefront order number travels
 * @param date the document date
 * @param total the total (TotalAmount), or null
 */
public record GpSalesOrderSummary(String sopnumbe, String custnmbr, String customerPoNumber, LocalDate date, Money total) {}
