package io.commercesync.core.model;

/**
 * Where an order stands, in terms every system can map to. The system's own status string is kept
 * beside it ({@link Order#sourceStatus()}), because storefronts let merchants add their own.
 *
 * <p>Magento states map as {@code new} → {@link #PENDING}, {@code pending_payment} →
 * {@link #PENDING_PAYMENT}, {@code processing} → {@link #PROCESSING}, {@code holded} →
 * {@link #ON_HOLD}, {@code complete} → {@link #COMPLETE}, {@code canceled} → {@link #CANCELED},
 * {@code closed} → {@link #CLOSED}; Clarity status keys are mapped by configuration, and any status a
 * mapping does not know becomes {@link #UNKNOWN} (reported, never an exception).
 */
public enum OrderStatus {
  /** Placed, not yet worked on. */
  PENDING,
  /** Waiting for the payment to be confirmed. */
  PENDING_PAYMENT,
  /** Accepted and being fulfilled. */
  PROCESSING,
  /** Held by the merchant or a fraud check. */
  ON_HOLD,
  /** Part of the order has shipped. */
  PARTIALLY_SHIPPED,
  /** Shipped (and invoiced) in full. */
  COMPLETE,
  /** Canceled before completion. */
  CANCELED,
  /** Closed after a full refund. */
  CLOSED,
  /** A status no mapping knows; see {@link Order#sourceStatus()}. */
  UNKNOWN
}
