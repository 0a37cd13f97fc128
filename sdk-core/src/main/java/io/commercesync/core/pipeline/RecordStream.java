package io.commercesync.core.pipeline;

import java.util.Iterator;

/**
 * The records of one read, in source order, fetched lazily (page by page) so memory stays flat however
 * many there are. Close it to release the connection or result set.
 *
 * <p>When fetching the next page fails, {@link #hasNext()} throws the typed exception (a retryable
 * {@link io.commercesync.core.error.RemoteSystemException} for a 503); calling {@link #hasNext()} again
 * retries the same page, so the pipeline's retry policy can wrap it without losing the position.
 */
public interface RecordStream extends Iterator<RawRecord>, AutoCloseable {

  /** Releases what the stream holds. Does not throw checked exceptions. */
  @Override
  void close();

  /** A stream over records already in memory. */
  static RecordStream of(Iterable<RawRecord> records) {
    Iterator<RawRecord> it = records.iterator();
    return new RecordStream() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public RawRecord next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }
}
