package io.commercesync.core.flow.internal;

import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import java.util.Optional;

/**
 * A flow's view of a shared source: the same records under a name of its own,
 * {@code <source name>|<flow name>}. A source's name is its checkpoint key, and one storefront's order
 * source feeds the orders flows of both ERPs (and its customers, of both): without a name per flow, the
 * first flow to run would move the checkpoint past records the second has not seen.
 *
 * @param <S> the record type
 */
public final class FlowSource<S> implements Source<S> {

  private final Source<S> upstream;
  private final String name;

  private FlowSource(Source<S> upstream, String flow) {
    this.upstream = upstream;
    this.name = upstream.name() + "|" + flow;
  }

  /** {@code source} read by flow {@code flow}, with a checkpoint of its own. */
  public static <S> Source<S> of(Source<S> source, String flow) {
    return new FlowSource<>(source, flow);
  }

  @Override
  public SystemId system() {
    return upstream.system();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RecordStream read(Cursor from) {
    return upstream.read(from);
  }

  @Override
  public S decode(RawRecord record) {
    return upstream.decode(record);
  }

  @Override
  public Optional<RawRecord> fetch(String key) {
    return upstream.fetch(key);
  }

  @Override
  public String toString() {
    return name;
  }
}
