package io.commercesync.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by the catalog end-to-end runs): Magento refuses a whole
 * {@code POST /V1/inventory/source-items} with HTTP 400 when one of its 20 skus does not exist. The
 * pipeline used to dead-letter all 20 records; {@link BatchSink} promises a fall-back to one write per
 * record when a batch fails as a whole, so only the bad record is dead-lettered (RELIABILITY 10).
 */
class BatchRefusedAsAWholeTest {

  /** Refuses a whole batch holding an unknown key, as Magento's source-items endpoint does. */
  static final class AllOrNothingSink implements BatchSink<ListSource.Item> {
    final AtomicInteger batchCalls = new AtomicInteger();
    final AtomicInteger singleCalls = new AtomicInteger();
    final Map<String, String> stock = new ConcurrentHashMap<>();

    @Override public SystemId system() { return SystemId.of("all-or-nothing"); }
    @Override public int maxBatchSize() { return 20; }

    private static RemoteSystemException refused(String key) {
      return RemoteSystemException.builder(SystemId.of("all-or-nothing"), "POST /V1/inventory/source-items")
          .status(400).recordKey(key).remoteMessage("Could not save Source Item").retryable(false).build();
    }

    @Override
    public WriteResult write(ListSource.Item record, IdempotencyKey key) {
      singleCalls.incrementAndGet();
      if (record.key().equals("k77")) {
        throw refused(record.key());
      }
      stock.put(record.key(), record.value());
      return WriteResult.updated(record.key());
    }

    @Override
    public List<BatchOutcome> writeBatch(List<Keyed<ListSource.Item>> records) {
      batchCalls.incrementAndGet();
      if (records.stream().anyMatch(k -> k.record().key().equals("k77"))) {
        throw refused(records.get(0).record().key() + " (+" + (records.size() - 1) + " more)");
      }
      List<BatchOutcome> out = new ArrayList<>();
      for (Keyed<ListSource.Item> k : records) {
        stock.put(k.record().key(), k.record().value());
        out.add(BatchOutcome.written(k.key(), WriteResult.updated(k.record().key())));
      }
      return out;
    }

    @Override
    public Optional<WriteResult> lookup(ListSource.Item record, IdempotencyKey key) {
      return Optional.empty();
    }
  }

  @Test
  void aBatchRefusedAsAWhole_isWrittenRecordByRecord_andOnlyTheBadRecordIsDeadLettered() {
    AllOrNothingSink sink = new AllOrNothingSink();
    StateStore store = StateStore.inMemory();
    RunReport report = Pipeline.<ListSource.Item, ListSource.Item>named("stock")
        .source(ListSource.of(200)).map(Mapper.identity()).sink(sink).store(store)
        .concurrency(4).maxInFlight(200).batchLinger(Duration.ofMillis(50)).build().run();
    assertThat(report.written()).isEqualTo(199);
    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(store.deadLetters().list(DeadLetterFilter.OPEN)).singleElement()
        .satisfies(l -> assertThat(l.recordKey()).isEqualTo("k77"));
    assertThat(sink.stock).hasSize(199).doesNotContainKey("k77");
    // only the refused batch went record by record
    assertThat(sink.singleCalls.get()).isLessThanOrEqualTo(20);
  }
}
