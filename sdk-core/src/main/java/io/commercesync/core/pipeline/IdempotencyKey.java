package io.commercesync.core.pipeline;

import io.commercesync.core.model.SystemId;
import java.util.Objects;

/**
 * Names one intended effect on a target system — "create the GP sales order for Magento order
 * 000001043" — so that however often the write is attempted (retries, crashes, replays, duplicate
 * webhooks), it is applied once.
 *
 * <p>It is derived deterministically from the source system, the operation and the source record's
 * key, never random, so it survives a crash: {@code magento/order/000001043/erp-sales-order}. At most
 * 255 characters (the longest a storefront accepts in an {@code Idempotency-Key} header).
 *
 * @param value the key
 */
public record IdempotencyKey(String value) {

  /** Longest key accepted. */
  public static final int MAX_LENGTH = 255;

  public IdempotencyKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "idempotency key must be 1.." + MAX_LENGTH + " characters (was " + value.length() + ")");
    }
  }

  /** {@code <source system>/<entity>/<record key>/<operation>}. */
  public static IdempotencyKey of(SystemId source, String entity, String recordKey, String operation) {
    return new IdempotencyKey(source + "/" + entity + "/" + recordKey + "/" + operation);
  }

  /**
   * The key of a second effect that belongs to this one (a receipt's application to an invoice, its fee
   * entry): {@code <this key>/<step>}, or, when that would pass {@link #MAX_LENGTH}, the SHA-256 of this
   * key in its place ({@code sha256:<hex>/<step>}) — deterministic either way.
   */
  public IdempotencyKey step(String step) {
    String suffix = "/" + Objects.requireNonNull(step, "step");
    if (value.length() + suffix.length() <= MAX_LENGTH) {
      return new IdempotencyKey(value + suffix);
    }
    return new IdempotencyKey("sha256:" + io.commercesync.core.pipeline.internal.PayloadHash.of(value) + suffix);
  }

  @Override
  public String toString() {
    return value;
  }
}
