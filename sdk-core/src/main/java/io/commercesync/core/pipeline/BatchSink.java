package io.commercesync.core.pipeline;

import java.util.List;

/**
 * A sink that can write many records in one call (Magento {@code POST /V1/inventory/source-items},
 * base/tier price batches, Clarity {@code UpdateMany}). The pipeline groups records up to
 * {@link #maxBatchSize()} and falls back to {@link #write} per record when a batch fails as a whole.
 *
 * @param <T> what the sink writes
 */
public interface BatchSink<T> extends Sink<T> {

  /** The largest batch the target accepts in one call (Magento: 20 synchronously). */
  int maxBatchSize();

  /**
   * Writes {@code records} in as few calls as the target allows and returns one outcome per record, in
   * the same order. A failure of one record is reported in its outcome; a failure of the whole call is
   * thrown.
   */
  List<BatchOutcome> writeBatch(List<Keyed<T>> records);

  /** A record with its idempotency key. */
  record Keyed<T>(T record, IdempotencyKey key) {}

  /**
   * The outcome for one record of a batch: a result, or a failure.
   *
   * @param key the record's key
   * @param result what was written, or null when it failed
   * @param failure why it failed, or null when it was written
   */
  record BatchOutcome(IdempotencyKey key, WriteResult result, RuntimeException failure) {

    public static BatchOutcome written(IdempotencyKey key, WriteResult result) {
      return new BatchOutcome(key, result, null);
    }

    public static BatchOutcome failed(IdempotencyKey key, RuntimeException failure) {
      return new BatchOutcome(key, null, failure);
    }

    public boolean succeeded() {
      return failure == null;
    }
  }
}
