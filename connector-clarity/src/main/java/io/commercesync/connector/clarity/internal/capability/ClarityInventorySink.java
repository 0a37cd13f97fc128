package io.commercesync.connector.clarity.internal.capability;

import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.InventorySink;
import io.commercesync.core.spi.StockUpdate;
import java.util.List;
import java.util.Optional;

/** Stock per location: v1 {@code POST /inventory/levels}; native {@code ProductInventoryLocationSections/CreateMany|UpdateMany}. */
public final class ClarityInventorySink implements InventorySink {

  private final ClarityApi api;

  public ClarityInventorySink(ClarityApi api) {
    this.api = api;
  }

  @Override
  public SystemId system() {
    return SystemId.CLARITY;
  }

  @Override
  public int maxBatchSize() {
    return api.stockBatchSize();
  }

  @Override
  public List<BatchOutcome> writeBatch(List<Keyed<StockUpdate>> records) {
    return Batches.chunked(records, maxBatchSize(), api::writeStock);
  }

  @Override
  public WriteResult write(StockUpdate record, IdempotencyKey key) {
    return Batches.single(writeBatch(List.of(new Keyed<>(record, key))).get(0));
  }

  @Override
  public Optional<WriteResult> lookup(StockUpdate record, IdempotencyKey key) {
    return api.lookupStock(record);
  }
}
