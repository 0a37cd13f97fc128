package io.commercesync.core.model;

/**
 * Whether an item may be sold. Magento {@code status} 1/2, Clarity {@code IsActive}, GP
 * {@code INACTIVE} and {@code ITEMTYPE} 2 (discontinued), SL {@code TranStatusCode} ({@code AC} active,
 * {@code NP} no purchase, {@code IN} inactive…).
 */
public enum ItemStatus {
  /** Sellable. */
  ACTIVE,
  /** Not sellable for now. */
  INACTIVE,
  /** No longer stocked; sell what is left. */
  DISCONTINUED
}
