package io.commercesync.core.state;

import io.commercesync.core.pipeline.IdempotencyKey;
import java.time.Instant;
import java.util.Objects;

/**
 * What the idempotency ledger knows about one intended effect.
 *
 * @param key the effect's key
 * @param state pending (attempted, outcome unknown), done, or failed permanently
 * @param payloadHash a hash of the payload of the latest attempt under the key; once done, a different payload under the
 *     same key is an {@link io.commercesync.core.error.IdempotencyConflictException}
 * @param remoteId the target's id once done, else null
 * @param attempts how many times a write was begun
 * @param updatedAt when the entry last changed
 */
public record LedgerEntry(
    IdempotencyKey key, State state, String payloadHash, String remoteId, int attempts, Instant updatedAt) {

  /** Where an effect stands. */
  public enum State {
    /** A write was begun; whether the target applied it is unknown until done or looked up. */
    PENDING,
    /** The target applied it; {@link LedgerEntry#remoteId()} says as what. */
    DONE,
    /** It failed permanently and went to the dead-letter store. */
    FAILED
  }

  public LedgerEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(payloadHash, "payloadHash");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public boolean done() {
    return state == State.DONE;
  }
}
