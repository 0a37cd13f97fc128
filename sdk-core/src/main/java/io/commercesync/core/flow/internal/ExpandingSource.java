package io.commercesync.core.flow.internal;

import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A source derived from another: each upstream record expands into zero or more records (an order into
 * its captured payments). Derived records keep the upstream position, so the checkpoint only passes an
 * order once all its payments are finished. An upstream record that cannot be decoded expands into one
 * record that fails to decode in turn, so it is dead-lettered with its bytes, not lost.
 *
 * @param <U> the upstream record
 * @param <D> the derived record (a record type, carried as canonical JSON)
 */
public final class ExpandingSource<U, D extends Record> implements Source<D> {

  /** One derived record and its key. */
  public record Derived<D>(String key, D value) {}

  private final Source<U> upstream;
  private final String suffix;
  private final String entity;
  private final Class<D> type;
  private final Function<U, List<Derived<D>>> expand;

  public ExpandingSource(Source<U> upstream, String suffix, String entity, Class<D> type,
      Function<U, List<Derived<D>>> expand) {
    this.upstream = upstream;
    this.suffix = suffix;
    this.entity = entity;
    this.type = type;
    this.expand = expand;
  }

  @Override
  public SystemId system() {
    return upstream.system();
  }

  @Override
  public String name() {
    return upstream.name() + "#" + suffix;
  }

  @Override
  public RecordStream read(Cursor from) {
    RecordStream records = upstream.read(from);
    return new RecordStream() {
      private final Deque<RawRecord> ready = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (ready.isEmpty() && records.hasNext()) {
          ready.addAll(expand(records.next()));
        }
        return !ready.isEmpty();
      }

      @Override
      public RawRecord next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return ready.pollFirst();
      }

      @Override
      public void close() {
        records.close();
      }
    };
  }

  private List<RawRecord> expand(RawRecord raw) {
    U decoded;
    try {
      decoded = upstream.decode(raw);
    } catch (RuntimeException undecodable) {
      // keep the upstream bytes: decoding them as a derived record fails and dead-letters them
      return List.of(new RawRecord(raw.key(), raw.position(), raw.entity(), raw.payload(), raw.contentType()));
    }
    return expand.apply(decoded).stream()
        .map(d -> RawRecord.json(d.key(), raw.position(), entity, CanonicalJson.write(d.value())))
        .toList();
  }

  @Override
  public D decode(RawRecord record) {
    return CanonicalJson.read(record.payload(), type);
  }

  @Override
  public Optional<RawRecord> fetch(String key) {
    int cut = key.indexOf('/');
    String upstreamKey = cut < 0 ? key : key.substring(0, cut);
    return upstream.fetch(upstreamKey).flatMap(raw -> expand(raw).stream().filter(r -> r.key().equals(key)).findFirst());
  }
}
