package io.commercesync.connector.clarity.internal.capability;

import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CatalogSink;
import io.commercesync.core.spi.CatalogUpdate;
import java.util.Optional;

/** Partial product updates: the ERP-owned fields of {@link CatalogUpdate#fields()} only. */
public final class ClarityCatalogSink implements CatalogSink {

  private final ClarityApi api;

  public ClarityCatalogSink(ClarityApi api) {
    this.api = api;
  }

  @Override
  public SystemId system() {
    return SystemId.CLARITY;
  }

  @Override
  public WriteResult write(CatalogUpdate record, IdempotencyKey key) {
    return api.writeProduct(record, key);
  }

  @Override
  public Optional<WriteResult> lookup(CatalogUpdate record, IdempotencyKey key) {
    return api.lookupProduct(record);
  }
}
