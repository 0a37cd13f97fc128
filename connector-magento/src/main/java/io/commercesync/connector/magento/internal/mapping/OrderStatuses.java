package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.core.model.OrderStatus;
import java.util.Locale;

/**
 * Magento order {@code state} ↔ canonical {@link OrderStatus} (reference §10: default states and statuses
 * from InstallOrderStatusesAndInitialSalesConfig).
 */
public final class OrderStatuses {

  private OrderStatuses() {}

  /**
   * {@code new} → PENDING, {@code pending_payment} → PENDING_PAYMENT, {@code processing} → PROCESSING
   * (PARTIALLY_SHIPPED when some but not all was shipped), {@code holded} and {@code payment_review} →
   * ON_HOLD, {@code complete} → COMPLETE, {@code canceled} → CANCELED, {@code closed} → CLOSED, anything
   * else → UNKNOWN.
   */
  public static OrderStatus fromState(String state, boolean partiallyShipped) {
    if (state == null) {
      return OrderStatus.UNKNOWN;
    }
    return switch (state.toLowerCase(Locale.ROOT)) {
      case "new" -> OrderStatus.PENDING;
      case "pending_payment" -> OrderStatus.PENDING_PAYMENT;
      case "processing" -> partiallyShipped ? OrderStatus.PARTIALLY_SHIPPED : OrderStatus.PROCESSING;
      case "holded", "payment_review" -> OrderStatus.ON_HOLD;
      case "complete" -> OrderStatus.COMPLETE;
      case "canceled" -> OrderStatus.CANCELED;
      case "closed" -> OrderStatus.CLOSED;
      default -> OrderStatus.UNKNOWN;
    };
  }

  /** The default Magento status code of a canonical status ({@code PROCESSING} → {@code processing}). */
  public static String defaultStatusCode(OrderStatus status) {
    return switch (status) {
      case PENDING -> "pending";
      case PENDING_PAYMENT -> "pending_payment";
      case PROCESSING, PARTIALLY_SHIPPED -> "processing";
      case ON_HOLD -> "holded";
      case COMPLETE -> "complete";
      case CANCELED -> "canceled";
      case CLOSED -> "closed";
      case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN has no Magento status code");
    };
  }
}
