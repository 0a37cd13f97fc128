package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.MagentoPager;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import java.util.function.Function;

/**
 * A {@link RecordStream} over a {@link MagentoPager}: a failed {@code hasNext()} can be called again. A
 * record is taken from the pager and converted (which may call Magento again, e.g. for a credit memo's
 * order number) inside {@code hasNext()}; when the conversion fails, the record is kept and converted again
 * on the next call, never skipped.
 */
final class PagerStream implements RecordStream {

  private final MagentoPager pager;
  private final Function<MagentoRecord, RawRecord> toRaw;
  private MagentoRecord taken;
  private RawRecord ready;

  PagerStream(MagentoPager pager, Function<MagentoRecord, RawRecord> toRaw) {
    this.pager = pager;
    this.toRaw = toRaw;
  }

  @Override
  public boolean hasNext() {
    if (ready != null) {
      return true;
    }
    if (taken == null) {
      if (!pager.hasNext()) {
        return false;
      }
      taken = pager.next();
    }
    ready = toRaw.apply(taken);
    taken = null;
    return true;
  }

  @Override
  public RawRecord next() {
    if (!hasNext()) {
      throw new java.util.NoSuchElementException();
    }
    RawRecord out = ready;
    ready = null;
    return out;
  }

  @Override
  public void close() {
    pager.close();
  }
}
