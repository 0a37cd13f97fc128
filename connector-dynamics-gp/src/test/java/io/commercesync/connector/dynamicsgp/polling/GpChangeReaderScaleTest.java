package io.commercesync.connector.dynamicsgp.polling;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.dynamicsgp.JdbcEconnectTransport;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by the 100,000-item catalogue benchmark): a read remembered every key it had emitted
 * and rebuilt each record's cursor by sorting all of them, so a full read took quadratic time (the price
 * read of 200,000 IV00108 rows did not finish in minutes). It now remembers only what can still matter —
 * the overlap window and the current page — and every key is still read exactly once.
 */
class GpChangeReaderScaleTest {

  final GpSimulator sim = GpSimulator.start(GpSimulator.options());

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void aLargeRead_remembersOnlyTheWindowAndAPage_andReadsEveryKeyOnce() {
    int items = 6_000;
    sim.addItems("SCALE-", items, List.of("MAIN"), Instant.parse("2024-04-01T00:00:00Z"), Duration.ofSeconds(1), 1);
    var transport = JdbcEconnectTransport.builder().company("TWO").url(sim.jdbcUrl()).user("sa").build();
    Duration overlap = Duration.ofMinutes(2);
    int pageSize = 500;
    GpChangeReader reader = new GpChangeReader(transport, GpQuery.ITEMS_CHANGED, r -> r.string("ITEMNMBR"), overlap,
        pageSize);
    Set<String> keys = new HashSet<>();
    int maxRemembered = 0;
    int maxSeenInCursor = 0;
    int records = 0;
    Cursor last = null;
    try (RecordStream stream = reader.read(Cursor.START, (groups, position) -> groups.stream()
        .map(g -> RawRecord.json(g.key(), position.apply(g), "item", new byte[] {'{', '}'})).toList())) {
      while (stream.hasNext()) {
        RawRecord r = stream.next();
        records++;
        keys.add(r.key());
        last = r.position();
        maxRemembered = Math.max(maxRemembered, ((GpChangeReader.Stream) stream).remembered());
        maxSeenInCursor = Math.max(maxSeenInCursor, GpChangeReader.decode(r.position()).seen().size());
      }
    }
    assertThat(records).isEqualTo(items + 15);
    assertThat(keys).hasSize(items + 15);
    // a page (500 stamps one second apart) plus the two-minute window, not all 6,015 keys
    assertThat(maxRemembered).isLessThanOrEqualTo(pageSize + 2 * 121);
    assertThat(maxSeenInCursor).isLessThanOrEqualTo(121);
    // the next read starts inside the window and emits nothing again
    try (RecordStream again = reader.read(last, (groups, position) -> groups.stream()
        .map(g -> RawRecord.json(g.key(), position.apply(g), "item", new byte[] {'{', '}'})).toList())) {
      assertThat(again.hasNext()).isFalse();
    }
  }
}
