package io.commercesync.connector.clarity.internal.capability;

import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.OrderStatusSink;
import io.commercesync.core.spi.OrderStatusUpdate;
import java.util.Optional;

/** Order statuses: native workflow routes ({@code PATCH /Ordering/SalesOrder/<Route>/{ID}}), v1 {@code PATCH /orders/{orderId}}. */
public final class ClarityOrderStatusSink implements OrderStatusSink {

  private final ClarityApi api;

  public ClarityOrderStatusSink(ClarityApi api) {
    this.api = api;
  }

  @Override
  public SystemId system() {
    return SystemId.CLARITY;
  }

  @Override
  public WriteResult write(OrderStatusUpdate record, IdempotencyKey key) {
    return api.writeStatus(record, key);
  }

  @Override
  public Optional<WriteResult> lookup(OrderStatusUpdate record, IdempotencyKey key) {
    return api.lookupStatus(record);
  }
}
