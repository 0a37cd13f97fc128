package io.commercesync.connector.clarity.internal.capability;

import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.connector.clarity.internal.source.PollingSource;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.spi.OrderSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Clarity orders since a cursor ({@code ModifiedSince}/{@code updatedSince}), and one order by number for webhooks. */
public final class ClarityOrderSource implements OrderSource {

  private final PollingSource<Order> source;

  public ClarityOrderSource(ClarityApi api, String name, Duration overlap, Clock clock) {
    this.source = new PollingSource<>(name, "order", api::orders, api::order, api::decodeOrder, overlap, clock);
  }

  @Override
  public SystemId system() {
    return SystemId.CLARITY;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public RecordStream read(Cursor from) {
    return source.read(from);
  }

  @Override
  public Order decode(RawRecord record) {
    return source.decode(record);
  }

  @Override
  public Optional<RawRecord> fetch(String key) {
    return source.fetch(key);
  }
}
