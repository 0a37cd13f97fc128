package io.commercesync.core.pipeline;

/**
 * Turns a decoded source record into what the sink writes: a Magento order into a GP sales-order
 * request, with customer resolution, sku look-up and warehouse mapping.
 *
 * <p>Throw {@link io.commercesync.core.error.InvalidRecordException} for a record that cannot be mapped
 * (it is dead-lettered with the reason); return {@code null} to skip a record on purpose (an order in a
 * status the flow ignores) — it is counted as skipped and the checkpoint moves past it.
 *
 * @param <S> the decoded source record
 * @param <T> what the sink writes
 */
@FunctionalInterface
public interface Mapper<S, T> {

  T map(S source);

  /** The identity mapping, for pipelines whose source already yields what the sink takes. */
  static <X> Mapper<X, X> identity() {
    return x -> x;
  }
}
