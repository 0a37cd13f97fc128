package io.commercesync.core.pipeline;

import io.commercesync.core.model.SystemId;
import java.util.Optional;

/**
 * Where a pipeline's records come from: a storefront's orders changed since a cursor, an ERP's items,
 * a table polled by timestamp.
 *
 * <p>A source reads {@link RawRecord}s in a stable order, each with the cursor just after it, and
 * decodes them separately, so that a record which cannot be decoded is dead-lettered with its bytes
 * instead of stopping the read.
 *
 * <pre>{@code
 * try (RecordStream records = source.read(checkpoint)) {
 *   while (records.hasNext()) {
 *     RawRecord raw = records.next();
 *     Order order = source.decode(raw);   // InvalidRecordException if the payload is bad
 *   }
 * }
 * }</pre>
 *
 * @param <S> what a record decodes to (a canonical record for capability sources)
 */
public interface Source<S> {

  /** The system read from. */
  SystemId system();

  /**
   * A stable name for this source, used as the checkpoint key: {@code magento:default:orders}.
   * Two sources with the same name share a checkpoint.
   */
  String name();

  /**
   * Reads the records after {@code from}, oldest first. Implementations re-read a configured overlap
   * before the cursor when the system's timestamps are coarse; the pipeline de-duplicates by key.
   *
   * @throws io.commercesync.core.error.RemoteSystemException when the system cannot be read
   */
  RecordStream read(Cursor from);

  /**
   * Decodes one record.
   *
   * @throws io.commercesync.core.error.InvalidRecordException if the payload is invalid
   */
  S decode(RawRecord record);

  /**
   * Fetches one record by key, outside the cursor order: what a webhook triggers ("order 000001043
   * changed"). Empty when the record does not exist; sources that cannot fetch by key return empty.
   */
  default Optional<RawRecord> fetch(String key) {
    return Optional.empty();
  }
}
