package io.commercesync.connector.clarity.internal.capability;

import io.commercesync.connector.clarity.ClarityReturnStatuses;
import io.commercesync.connector.clarity.UnmappedStatusListener;
import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.connector.clarity.internal.source.PollingSource;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.spi.ReturnSource;
import java.time.Clock;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Clarity returns (refunds) since a cursor: native {@code GET /Returning/SalesReturns?ModifiedSince=}, v1
 * {@code GET /returns?updatedSince=} [P+]. The read is the orders' ({@link PollingSource}: cursor
 * {@code <updatedAt>|<id>}, overlap window before it, keyset paging, de-duplication by key within a read;
 * the pipeline de-duplicates across reads by key), the record key the return number (native
 * {@code CustomKey}, else {@code ID}; v1 {@code returnNumber}).
 *
 * <p>Only returns whose status is configured as refunded ({@link ClarityReturnStatuses}) are handed on. Any
 * other return is skipped and reported to the {@link UnmappedStatusListener} (entity {@code return}), never
 * thrown: a run goes on. A payload whose status cannot even be read is handed on, so that decoding
 * dead-letters it with the reason instead of dropping it.
 */
public final class ClarityReturnSource implements ReturnSource {

  private final ClarityApi api;
  private final PollingSource<Return> source;
  private final ClarityReturnStatuses statuses;
  private final UnmappedStatusListener skipped;

  public ClarityReturnSource(ClarityApi api, String name, Duration overlap, Clock clock,
      ClarityReturnStatuses statuses, UnmappedStatusListener skipped) {
    this.api = api;
    this.statuses = statuses;
    this.skipped = skipped;
    this.source = new PollingSource<>(name, "return", api::returns, api::salesReturn,
        payload -> api.decodeReturn(null, payload), overlap, clock);
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
    return new RefundedOnly(source.read(from));
  }

  @Override
  public Return decode(RawRecord record) {
    return api.decodeReturn(record.key(), record.payload());
  }

  /** The return numbered {@code key}, when it is refunded; a return in another status is reported and not returned. */
  @Override
  public Optional<RawRecord> fetch(String key) {
    return source.fetch(key).filter(this::refunded);
  }

  private boolean refunded(RawRecord r) {
    String status;
    try {
      status = api.returnStatus(r.payload());
    } catch (InvalidRecordException unreadable) {
      return true;   // decode dead-letters it with the reason
    }
    if (statuses.isRefunded(status)) {
      return true;
    }
    skipped.unmapped("return", r.key(), status);
    return false;
  }

  private final class RefundedOnly implements RecordStream {
    private final RecordStream upstream;
    private RawRecord next;

    RefundedOnly(RecordStream upstream) {
      this.upstream = upstream;
    }

    @Override
    public boolean hasNext() {
      while (next == null && upstream.hasNext()) {
        RawRecord r = upstream.next();
        if (refunded(r)) {
          next = r;
        }
      }
      return next != null;
    }

    @Override
    public RawRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      RawRecord r = next;
      next = null;
      return r;
    }

    @Override
    public void close() {
      upstream.close();
    }
  }
}
