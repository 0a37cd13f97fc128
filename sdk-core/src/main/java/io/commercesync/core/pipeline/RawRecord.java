package io.commercesync.core.pipeline;

import java.util.Arrays;
import java.util.Objects;

/**
 * A record as a source read it, before decoding: its key, its position, and its bytes exactly as the
 * system sent them (one Magento order's JSON, one GP row as JSON, one webhook body).
 *
 * <p>The raw bytes are what the dead-letter store keeps, so a record that failed to decode can be fixed
 * and replayed: replay calls {@link Source#decode(RawRecord)} on the stored bytes.
 *
 * @param key the record's stable key in its source (Magento {@code increment_id}, GP {@code ITEMNMBR});
 *     ordering and idempotency keys derive from it
 * @param position the cursor just after this record
 * @param entity what the record is: {@code order}, {@code customer}, {@code inventory}…
 * @param payload the bytes as received
 * @param contentType {@code application/json} or {@code application/xml}
 */
public record RawRecord(String key, Cursor position, String entity, byte[] payload, String contentType) {

  public RawRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(payload, "payload");
    contentType = contentType == null ? "application/json" : contentType;
  }

  /** A JSON record. */
  public static RawRecord json(String key, Cursor position, String entity, byte[] payload) {
    return new RawRecord(key, position, entity, payload, "application/json");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawRecord that
        && key.equals(that.key)
        && position.equals(that.position)
        && entity.equals(that.entity)
        && Arrays.equals(payload, that.payload)
        && contentType.equals(that.contentType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, position, entity, Arrays.hashCode(payload), contentType);
  }

  @Override
  public String toString() {
    return "RawRecord[" + entity + " " + key + " @" + position + ", " + payload.length + " bytes]";
  }
}
