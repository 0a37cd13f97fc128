package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.MagentoPager;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.spi.OrderSource;
import java.util.Optional;

/**
 * Orders changed since a cursor, by {@code updated_at} with an {@code entity_id} tie-break (keyset paging),
 * starting an overlap window before the checkpoint. Record key: {@code increment_id}; position:
 * {@code <updated_at>|<entity_id>}; payload: the order JSON as Magento sent it.
 */
public final class MagentoOrderSource implements OrderSource {

  private final StorefrontSettings s;

  public MagentoOrderSource(StorefrontSettings settings) {
    this.s = settings;
  }

  @Override
  public SystemId system() {
    return SystemId.MAGENTO;
  }

  @Override
  public String name() {
    return "magento:" + s.store().code() + ":orders";
  }

  @Override
  public RecordStream read(Cursor from) {
    CursorPosition start = CursorPosition.parse(from);
    if (start != null) {
      start = start.minus(s.overlap());
    }
    MagentoPager pager = s.client().orders().changedSince(s.store(), start == null ? null : start.updatedAt(),
        start == null ? "0" : start.id());
    return new PagerStream(pager, MagentoOrderSource::raw);
  }

  static RawRecord raw(MagentoRecord r) {
    return RawRecord.json(r.key(), CursorPosition.of(r).cursor(), "order", r.json());
  }

  @Override
  public Order decode(RawRecord record) {
    return s.client().orders().decode(new MagentoRecord("order", record.key(), record.key(), null,
        record.payload()));
  }

  /** The order whose {@code increment_id} is {@code key}. */
  @Override
  public Optional<RawRecord> fetch(String key) {
    return s.client().orders().byIncrementId(s.store(), key).map(MagentoOrderSource::raw);
  }
}
