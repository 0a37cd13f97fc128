package io.commercesync.connector.clarity.internal.capability;

import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.PriceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Base prices (v1 {@code PATCH /products/{sku}} {@code price}; native {@code ProductModel.PriceBase}).
 * Clarity offers no bulk price endpoint, so a batch is written record by record; a permanent failure is
 * that record's outcome, a retryable one ends the batch (repeats are {@code UNCHANGED}).
 */
public final class ClarityPriceSink implements PriceSink {

  /** Records per batch: one call each, so the number only bounds a batch's duration. */
  static final int BATCH = 50;

  /** Transient failures in a row after which the rest of a batch is not tried (the system looks down). */
  static final int OUTAGE_AFTER = 3;

  private final ClarityApi api;

  public ClarityPriceSink(ClarityApi api) {
    this.api = api;
  }

  @Override
  public SystemId system() {
    return SystemId.CLARITY;
  }

  @Override
  public int maxBatchSize() {
    return BATCH;
  }

  @Override
  public List<BatchOutcome> writeBatch(List<Keyed<Price>> records) {
    List<BatchOutcome> out = new ArrayList<>(records.size());
    CommerceSyncException outage = null;
    int transientInARow = 0;
    for (Keyed<Price> k : records) {
      if (outage != null) {
        // Clarity looks down: the rest wait for the next run without a call each
        out.add(BatchOutcome.failed(k.key(), outage));
        continue;
      }
      try {
        out.add(BatchOutcome.written(k.key(), api.writeBasePrice(k.record(), k.key())));
        transientInARow = 0;
      } catch (CommerceSyncException e) {
        // one call per price: a transient failure fails that price alone (pending, sent again), so one
        // 503 never throws away the prices already written in the batch
        out.add(BatchOutcome.failed(k.key(), e));
        if (e.retryable() && ++transientInARow >= OUTAGE_AFTER) {
          outage = e;
        } else if (!e.retryable()) {
          transientInARow = 0;
        }
      }
    }
    return out;
  }

  @Override
  public WriteResult write(Price record, IdempotencyKey key) {
    return api.writeBasePrice(record, key);
  }

  @Override
  public Optional<WriteResult> lookup(Price record, IdempotencyKey key) {
    return api.lookupBasePrice(record);
  }
}
