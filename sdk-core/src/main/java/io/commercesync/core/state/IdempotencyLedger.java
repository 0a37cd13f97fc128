package io.commercesync.core.state;

import io.commercesync.core.pipeline.IdempotencyKey;
import java.util.Optional;

/**
 * The durable record of which effects were applied. Together with the sink's lookup it turns
 * at-least-once delivery into exactly-once effect.
 */
public interface IdempotencyLedger {

  /** The entry for {@code key}, if any. */
  Optional<LedgerEntry> get(IdempotencyKey key);

  /**
   * Records that a write under {@code key} is about to be attempted, creating a pending entry or
   * counting one more attempt on it, and returns the entry as it now stands (a done entry is returned
   * unchanged).
   *
   * @throws io.commercesync.core.error.IdempotencyConflictException if the key was first used with a
   *     different payload hash
   */
  LedgerEntry begin(IdempotencyKey key, String payloadHash);

  /** Marks {@code key} done as {@code remoteId}. */
  void markDone(IdempotencyKey key, String remoteId);

  /** Marks {@code key} failed permanently (its record is in the dead-letter store). */
  void markFailed(IdempotencyKey key);
}
