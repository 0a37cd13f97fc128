package io.commercesync.core.pipeline;

import io.commercesync.core.model.SystemId;
import java.util.Optional;

/**
 * Where a pipeline's records go: an ERP's sales orders, a storefront's stock.
 *
 * <p>Every write carries an {@link IdempotencyKey}. Where the target supports it (an
 * {@code Idempotency-Key} header), the sink sends it; either way the sink must be able to answer
 * {@link #lookup} — "is this effect already there?" — from the target's own data (GP by
 * {@code CSTPONBR}, SL by {@code CustOrdNbr}, Magento by the shipment's tracking number). That is how a
 * crash between the remote write and the ledger update is reconciled without a duplicate.
 *
 * <p>Failures are typed: {@link io.commercesync.core.error.RemoteSystemException} (retried when
 * {@code retryable()}), {@link io.commercesync.core.error.InvalidRecordException} or a business
 * rejection (dead-lettered), {@link io.commercesync.core.error.DuplicateDetectedException} (counted as
 * a prevented duplicate).
 *
 * @param <T> what the sink writes
 */
public interface Sink<T> {

  /** The system written to; its policies (retry, breaker, rate limit) apply to this sink. */
  SystemId system();

  /** Applies {@code record} under {@code key}. */
  WriteResult write(T record, IdempotencyKey key);

  /**
   * Whether the effect of {@code record} under {@code key} is already present in the target, and if
   * so its result. Never creates the effect itself. When the effect is found but a step that belongs to
   * it is missing — a crash came between two documents of one write, such as a GP cash receipt and its
   * application to the invoice, or a receipt and its fee entry — the lookup may complete that step
   * (idempotently, under a key derived from {@code key}) before answering, so the record ends whole;
   * a sink that does so says it in its Javadoc.
   */
  Optional<WriteResult> lookup(T record, IdempotencyKey key);
}
