package io.commercesync.core.codec;

/** How Java property names become JSON names, per wire format. */
public enum JsonNaming {
  /** As declared in Java: {@code grandTotal} (the canonical model, Clarity's v1 dialect). */
  AS_DECLARED,
  /** {@code grand_total} (Magento's REST API). */
  SNAKE_CASE,
  /** {@code GrandTotal} (Clarity's native ServiceStack API, SL column names). */
  PASCAL_CASE
}
