package io.commercesync.connector.magento;

import java.util.List;

/**
 * What to invoice with {@code POST /V1/order/{orderId}/invoice}: lines by {@code order_item_id} (empty =
 * everything not yet invoiced), whether to capture online ({@code capture: true} charges the gateway;
 * an ERP invoice for money already received is offline, {@code false}), a comment.
 *
 * <pre>{@code
 * InvoiceRequest inv = new InvoiceRequest(List.of(), false, "Invoiced from ERP INV-2025-004417", false);
 * }</pre>
 *
 * @param lines {@code items[]}; empty invoices everything
 * @param capture {@code capture}
 * @param comment a comment, or null
 * @param notifyCustomer {@code notify}
 */
public record InvoiceRequest(List<ShipRequest.Line> lines, boolean capture, String comment, boolean notifyCustomer) {
  public InvoiceRequest {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
