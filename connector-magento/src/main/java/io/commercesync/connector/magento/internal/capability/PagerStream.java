package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.MagentoPager;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import java.util.function.Function;

/** A {@link RecordStream} over a {@link MagentoPager}: a failed {@code hasNext()} can be called again. */
final class PagerStream implements RecordStream {

  private final MagentoPager pager;
  private final Function<MagentoRecord, RawRecord> toRaw;

  PagerStream(MagentoPager pager, Function<MagentoRecord, RawRecord> toRaw) {
    this.pager = pager;
    this.toRaw = toRaw;
  }

  @Override
  public boolean hasNext() {
    return pager.hasNext();
  }

  @Override
  public RawRecord next() {
    return toRaw.apply(pager.next());
  }

  @Override
  public void close() {
    pager.close();
  }
}
