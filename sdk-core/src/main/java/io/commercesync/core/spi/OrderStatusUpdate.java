package io.commercesync.core.spi;

import io.commercesync.core.model.OrderStatus;
import java.util.Objects;

/**
 * A change of a storefront order's status, e.g. "processing" once the ERP accepted it.
 *
 * @param orderNumber the storefront order number
 * @param orderId the storefront's internal order id (Magento {@code entity_id}), if known
 * @param status the canonical status to move to
 * @param statusCode the storefront's own status code to set ({@code processing}), or null to derive it
 *     from {@code status}
 * @param comment a comment added to the order's history, or null
 * @param notifyCustomer whether the storefront e-mails the customer
 */
public record OrderStatusUpdate(
    String orderNumber,
    String orderId,
    OrderStatus status,
    String statusCode,
    String comment,
    boolean notifyCustomer) {

  public OrderStatusUpdate {
    Objects.requireNonNull(orderNumber, "orderNumber");
    Objects.requireNonNull(status, "status");
  }
}
