package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.connector.magento.internal.mapping.MagentoValues;
import io.commercesync.core.pipeline.Cursor;
import java.time.Duration;
import java.time.Instant;

/**
 * A source cursor {@code <updated_at>|<id>} ({@code 2025-03-15 09:41:39|1043}): the last record read, by
 * {@code updated_at} with the entity id as tie-break.
 *
 * @param updatedAt Magento's {@code updated_at}
 * @param id the entity id
 */
public record CursorPosition(String updatedAt, String id) {

  public static CursorPosition of(MagentoRecord record) {
    return new CursorPosition(record.updatedAt() == null ? "" : record.updatedAt(), record.id());
  }

  /** The position in {@code cursor}, or null for the start. */
  public static CursorPosition parse(Cursor cursor) {
    if (cursor == null || cursor.isStart()) {
      return null;
    }
    String v = cursor.value();
    int bar = v.lastIndexOf('|');
    return bar < 0 ? new CursorPosition(v, "0") : new CursorPosition(v.substring(0, bar), v.substring(bar + 1));
  }

  public Cursor cursor() {
    return Cursor.of(updatedAt + "|" + id);
  }

  /**
   * Where a poll starts: {@code overlap} before this position (from the start of that second, every id),
   * so orders saved late within a second, or committed after a later one, are read again; the pipeline
   * de-duplicates by key.
   */
  public CursorPosition minus(Duration overlap) {
    if (overlap.isZero() || updatedAt.isEmpty()) {
      return this;
    }
    Instant at = MagentoValues.instant(updatedAt, "cursor", null, "updated_at");
    return new CursorPosition(MagentoValues.timestamp(at.minus(overlap)), "0");
  }
}
