package io.commercesync.connector.clarity.internal.capability;

import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.ShipmentSink;
import java.util.Optional;

/** Shipments with tracking; {@link #lookup} finds one by its ERP id ({@code CustomKey}/{@code externalShipmentId}) or tracking numbers. */
public final class ClarityShipmentSink implements ShipmentSink {

  private final ClarityApi api;

  public ClarityShipmentSink(ClarityApi api) {
    this.api = api;
  }

  @Override
  public SystemId system() {
    return SystemId.CLARITY;
  }

  @Override
  public WriteResult write(Shipment record, IdempotencyKey key) {
    return api.writeShipment(record, key);
  }

  @Override
  public Optional<WriteResult> lookup(Shipment record, IdempotencyKey key) {
    return api.lookupShipment(record, key);
  }
}
