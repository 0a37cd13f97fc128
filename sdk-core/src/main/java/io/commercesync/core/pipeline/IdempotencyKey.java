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

  @Override
  public String toString() {
    return value;
  }
}
