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
    for (Keyed<Price> k : records) {
      try {
        out.add(BatchOutcome.written(k.key(), api.writeBasePrice(k.record(), k.key())));
      } catch (CommerceSyncException e) {
        if (e.retryable()) {
          throw e;
        }
        out.add(BatchOutcome.failed(k.key(), e));
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
