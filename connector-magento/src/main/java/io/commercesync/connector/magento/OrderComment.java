package io.commercesync.connector.magento;

import java.util.Objects;

/**
 * A status-history entry for {@code POST /V1/orders/{id}/comments} ({@code statusHistory.comment},
 * {@code status}, {@code is_customer_notified}, {@code is_visible_on_front}). The {@code status} is
 * required: omitting it nulled the order's status on some 2.4 versions (#34180), so pass the current
 * status when you only mean to comment.
 *
 * <pre>{@code
 * client.orders().addComment(scope, 1043, new OrderComment("Accepted by ERP as SO-1043", "processing", false, false));
 * }</pre>
 *
 * @param comment the text, may be null for a status-only change
 * @param status the order status code to set ({@code processing}), required
 * @param notifyCustomer whether Magento e-mails the customer
 * @param visibleOnFront whether the customer sees the comment in their account
 */
public record OrderComment(String comment, String status, boolean notifyCustomer, boolean visibleOnFront) {
  public OrderComment {
    Objects.requireNonNull(status, "status (send the current status to keep it)");
  }
}
