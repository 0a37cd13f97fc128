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

class BatchingTest {

  /** Accepts up to 20 records per call, like Magento's synchronous source-items endpoint. */
  static final class StockSink implements BatchSink<ListSource.Item> {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger largest = new AtomicInteger();
    final Map<String, String> stock = new ConcurrentHashMap<>();
    volatile String rejectKey;
    volatile int failFirstCalls;

    @Override public SystemId system() { return SystemId.of("stock-sink"); }
    @Override public int maxBatchSize() { return 20; }

    @Override
    public WriteResult write(ListSource.Item record, IdempotencyKey key) {
      return writeBatch(List.of(new Keyed<>(record, key))).get(0).result();
    }

    @Override
    public List<BatchOutcome> writeBatch(List<Keyed<ListSource.Item>> records) {
      int n = calls.incrementAndGet();
      largest.accumulateAndGet(records.size(), Math::max);
      if (n <= failFirstCalls) {
        throw RemoteSystemException.builder(system(), "POST /V1/inventory/source-items").status(503).retryable(true).build();
      }
      if (records.size() > 20) {
        throw RemoteSystemException.builder(system(), "POST /V1/inventory/source-items").status(400)
            .remoteMessage("too many entities").build();
      }
      List<BatchOutcome> out = new ArrayList<>();
      for (Keyed<ListSource.Item> k : records) {
        if (k.record().key().equals(rejectKey)) {
          out.add(BatchOutcome.failed(k.key(), RemoteSystemException.builder(system(), "POST /V1/inventory/source-items")
              .status(400).remoteMessage("sku does not exist").build()));
        } else {
          stock.put(k.record().key(), k.record().value());
          out.add(BatchOutcome.written(k.key(), WriteResult.updated(k.record().key())));
        }
      }
      return out;
    }

    @Override
    public Optional<WriteResult> lookup(ListSource.Item record, IdempotencyKey key) {
      return Optional.empty();
    }
  }

  @Test
  void batchSink_getsFullBatches_oneCallPerTwentyRecords_andPerItemFailuresStayPerItem() {
    StockSink sink = new StockSink();
    sink.rejectKey = "k77";
    sink.failFirstCalls = 2;   // the first batch is retried whole, and must not be split or lost
    StateStore store = StateStore.inMemory();
    try (RecordingScheduler scheduler = new RecordingScheduler()) {
      RunReport report = Pipeline.<ListSource.Item, ListSource.Item>named("stock")
          .source(ListSource.of(1_000)).map(Mapper.identity()).sink(sink).store(store)
          .resilience(io.commercesync.core.resilience.Resilience.builder().scheduler(scheduler).build())
          .concurrency(4).maxInFlight(400).batchLinger(Duration.ofMillis(50)).build().run();
      assertThat(report.written()).isEqualTo(999);
      assertThat(report.deadLettered()).isEqualTo(1);
      assertThat(store.deadLetters().list(DeadLetterFilter.OPEN).get(0).recordKey()).isEqualTo("k77");
      assertThat(sink.stock).hasSize(999);
      assertThat(sink.largest.get()).isLessThanOrEqualTo(20);
      // 1,000 records / 20 per call = 50 calls, plus the 2 failed attempts and a few partial batches
      assertThat(sink.calls.get()).isLessThanOrEqualTo(50 + 2 + 8);
      assertThat(report.retried()).isGreaterThanOrEqualTo(2);
    }
  }
}
