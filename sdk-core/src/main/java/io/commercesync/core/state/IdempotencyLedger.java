package io.commercesync.core.state;

import io.commercesync.core.pipeline.IdempotencyKey;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The durable record of which effects were applied. Together with the sink's lookup it turns
 * at-least-once delivery into exactly-once effect.
 */
public interface IdempotencyLedger {

  /** The entry for {@code key}, if any. */
  Optional<LedgerEntry> get(IdempotencyKey key);

  /**
   * Records that a write under {@code key} is about to be attempted, creating a pending entry or
   * counting one more attempt on a pending or failed one (taking {@code payloadHash} as its payload: a
   * record fixed after a failure may be replayed), and returns the entry as it now stands. A done entry
   * is returned unchanged when the hash matches.
   *
   * @throws io.commercesync.core.error.IdempotencyConflictException if the key is done with a different
   *     payload hash: the effect was applied with other data, and overwriting it silently is refused
   */
  LedgerEntry begin(IdempotencyKey key, String payloadHash);

  /** Marks {@code key} done as {@code remoteId}, durably before returning. */
  void markDone(IdempotencyKey key, String remoteId);

  /**
   * {@link #begin} whose result completes once the entry is durable. A store with group commit batches
   * concurrent calls into one transaction (one fsync for many records); the default runs {@link #begin}.
   */
  default CompletableFuture<LedgerEntry> beginAsync(IdempotencyKey key, String payloadHash) {
    try {
      return CompletableFuture.completedFuture(begin(key, payloadHash));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * {@link #markDone} whose result completes once the entry is durable; batched like
   * {@link #beginAsync}. Losing it in a crash is safe: the entry stays pending and the sink's lookup
   * reconciles it on the next run.
   */
  default CompletableFuture<Void> markDoneAsync(IdempotencyKey key, String remoteId) {
    try {
      markDone(key, remoteId);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Marks {@code key} failed permanently (its record is in the dead-letter store). */
  void markFailed(IdempotencyKey key);
}
