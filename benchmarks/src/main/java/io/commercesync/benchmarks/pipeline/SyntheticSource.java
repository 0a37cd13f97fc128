package io.commercesync.benchmarks.pipeline;

import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * A source that generates {@code count} small JSON records on the fly (nothing held in memory), so a
 * million records can stream through a 256 MB heap.
 */
final class SyntheticSource implements Source<SyntheticSource.Item> {

  record Item(String key, int index, String payload) {}

  private final int count;

  SyntheticSource(int count) {
    this.count = count;
  }

  @Override
  public SystemId system() {
    return SystemId.of("synthetic");
  }

  @Override
  public String name() {
    return "synthetic:" + count;
  }

  @Override
  public RecordStream read(Cursor from) {
    int start = from.isStart() ? 0 : Integer.parseInt(from.value()) + 1;
    return new RecordStream() {
      private int next = start;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public RawRecord next() {
        if (next >= count) {
          throw new NoSuchElementException();
        }
        int i = next++;
        String json = "{\"sku\":\"SKU-" + i + "\",\"qty\":" + (i % 97) + ",\"site\":\"MAIN\"}";
        return RawRecord.json("SKU-" + i, Cursor.of(String.valueOf(i)), "item", json.getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public Item decode(RawRecord record) {
    return new Item(record.key(), Integer.parseInt(record.position().value()),
        new String(record.payload(), StandardCharsets.UTF_8));
  }
}
