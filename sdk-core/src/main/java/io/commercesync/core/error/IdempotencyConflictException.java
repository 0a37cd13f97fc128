package io.commercesync.core.error;

import io.commercesync.core.model.SystemId;

/**
 * An idempotency key was used again with a different payload. Replaying the first result would hide
 * the change and overwriting it would break the promise of the key, so CommerceSync refuses both
 * (as Stripe does). The record is dead-lettered for a person to look at.
 */
public final class IdempotencyConflictException extends CommerceSyncException {

  private static final long serialVersionUID = 1L;

  private final String key;

  public IdempotencyConflictException(SystemId system, String key, String detail) {
    super(system, (system != null ? system + " " : "") + "idempotency key " + key
        + " was already used with a different payload" + (detail != null ? ": " + detail : ""), null);
    this.key = key;
  }

  /** The idempotency key that was reused. */
  public String key() {
    return key;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
