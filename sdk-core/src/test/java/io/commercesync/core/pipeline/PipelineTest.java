package io.commercesync.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.http.RetryAfter;
import io.commercesync.core.resilience.BreakerSettings;
import io.commercesync.core.resilience.BreakerState;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.RetrySettings;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline's promises, each tried against a sink that fails in the ways real systems do. */
class PipelineTest {

  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final StateStore store = StateStore.inMemory();

  @AfterEach
  void close() {
    scheduler.close();
  }

  private Resilience resilience(RetrySettings retry, BreakerSettings breaker) {
    return Resilience.builder().scheduler(scheduler)
        .policy(SystemPolicy.builder(RecordingSink.SYSTEM).retry(retry).breaker(breaker)
            .requestsPerSecond(1_000_000).maxConcurrentCalls(64).build())
        .build();
  }

  private Resilience resilience() {
    return resilience(RetrySettings.DEFAULT.withMaxAttempts(6), new BreakerSettings(50, 100, Duration.ofHours(1), 1));
  }

  private Pipeline<ListSource.Item, ListSource.Item> pipeline(ListSource source, RecordingSink sink, Resilience r) {
    return Pipeline.<ListSource.Item, ListSource.Item>named("items")
        .source(source).map(Mapper.identity()).sink(sink).store(store).resilience(r)
        .concurrency(8).maxInFlight(64).checkpointEvery(10).build();
  }

  @Test
  void run_writesEveryRecordOnce_andResumesAfterTheCheckpoint() {
    ListSource source = ListSource.of(100);
    RecordingSink sink = new RecordingSink(1);
    Pipeline<ListSource.Item, ListSource.Item> p = pipeline(source, sink, resilience());

    RunReport first = p.run();
    assertThat(first.state()).isEqualTo(RunState.COMPLETED);
    assertThat(first.written()).isEqualTo(100);
    assertThat(first.balanced()).isTrue();
    assertThat(first.checkpoint()).isEqualTo("000000099");
    assertThat(sink.applied).hasSize(100);
    assertThat(sink.duplicates()).isEmpty();

    RunReport second = p.run();
    assertThat(second.read()).isZero();

    // the checkpoint lost (a new store pointing at the same ledger): every record is re-read, none re-applied
    store.checkpoints().put(source.name(), Cursor.START);
    RunReport replayed = p.run();
    assertThat(replayed.read()).isEqualTo(100);
    assertThat(replayed.duplicatesPrevented()).isEqualTo(100);
    assertThat(sink.writeCalls).hasValue(100);
  }

  @Test
  void scenario01_lostResponseAfterCommit_isNotAppliedTwice() {
    ListSource source = ListSource.of(20);
    RecordingSink sink = new RecordingSink(2);
    sink.loseNextResponseFor.addAll(List.of("k3", "k7", "k19"));
    RunReport report = pipeline(source, sink, resilience()).run();
    assertThat(sink.duplicates()).isEmpty();
    assertThat(sink.applied).hasSize(20);
    assertThat(report.state()).isEqualTo(RunState.COMPLETED);
    // the retry asked the sink first and found the effect already there
    assertThat(report.duplicatesPrevented()).isEqualTo(3);
    assertThat(report.written()).isEqualTo(17);
    assertThat(sink.lookupCalls).hasValue(3);
  }

  @Test
  void scenario02_retryAfter_inSecondsAndAsAnHttpDate_isHonoured() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    Duration fromDate = RetryAfter.parse("Mon, 23 Nov 2026 10:00:45 GMT", clock).orElseThrow();
    for (Duration asked : List.of(Duration.ofSeconds(12), fromDate)) {
      scheduler.delays.clear();
      RecordingSink sink = new RecordingSink(3);
      sink.transientRate = 1.0;
      sink.retryAfter = asked;
      AtomicInteger calls = new AtomicInteger();
      Resilience r = resilience();
      // one throttled answer, then success
      String result = r.callAsync(RecordingSink.SYSTEM, () -> {
        if (calls.incrementAndGet() == 1) {
          throw io.commercesync.core.error.RemoteSystemException.builder(RecordingSink.SYSTEM, "POST /items")
              .status(429).retryAfter(asked).buildRateLimited();
        }
        return "ok";
      }).join();
      assertThat(result).isEqualTo("ok");
      assertThat(scheduler.delays).singleElement().satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(asked));
    }
    assertThat(fromDate).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void scenario03_retryBudget_aTargetThatIsDown_getsNoStorm_andNothingIsDropped() {
    ListSource source = ListSource.of(200);
    RecordingSink sink = new RecordingSink(4);
    sink.down = true;
    Resilience r = resilience(RetrySettings.DEFAULT.withMaxAttempts(4), new BreakerSettings(10, 20, Duration.ofHours(1), 1));
    RunReport report = pipeline(source, sink, r).run();
    assertThat(report.state()).isEqualTo(RunState.PAUSED);
    assertThat(report.deadLettered()).isZero();
    assertThat(report.written()).isZero();
    assertThat(report.balanced()).isTrue();
    // the breaker opens after 10 failures: the reader stops; in-flight records are refused without I/O
    assertThat(sink.writeCalls.get()).isLessThan(64 * 4);
    assertThat(report.read()).isLessThan(200);
    assertThat(r.breakerState(RecordingSink.SYSTEM)).isEqualTo(BreakerState.OPEN);
    assertThat(store.checkpoints().get(source.name())).isEmpty();
    assertThat(store.deadLetters().count(DeadLetterFilter.ALL)).isZero();

    // the target comes back; the breaker lets a probe through; the next run finishes everything once
    sink.down = false;
    r.halfOpenBreaker(RecordingSink.SYSTEM);
    RunReport resumed = pipeline(source, sink, r).run();
    assertThat(resumed.state()).isEqualTo(RunState.COMPLETED);
    assertThat(sink.applied).hasSize(200);
    assertThat(sink.duplicates()).isEmpty();
    assertThat(r.breakerState(RecordingSink.SYSTEM)).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void scenario04_circuitBreaker_opensRejectsWithoutIo_probesAndCloses_underManyThreads() throws Exception {
    Resilience r = resilience(RetrySettings.NONE, new BreakerSettings(5, 10, Duration.ofHours(1), 1));
    AtomicInteger ioCalls = new AtomicInteger();
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(16);
    List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
    for (int i = 0; i < 160; i++) {
      futures.add(threads.submit(() -> {
        try {
          r.call(RecordingSink.SYSTEM, () -> {
            ioCalls.incrementAndGet();
            throw io.commercesync.core.error.RemoteSystemException.builder(RecordingSink.SYSTEM, "GET /x")
                .status(503).retryable(true).build();
          });
        } catch (RuntimeException expected) {
          // counted below
        }
      }));
    }
    for (var f : futures) {
      f.get();
    }
    threads.shutdown();
    assertThat(r.breakerState(RecordingSink.SYSTEM)).isEqualTo(BreakerState.OPEN);
    int afterOpen = ioCalls.get();
    assertThat(afterOpen).isLessThan(160).isGreaterThanOrEqualTo(5);
    // open: rejected without I/O
    for (int i = 0; i < 10; i++) {
      try {
        r.call(RecordingSink.SYSTEM, () -> ioCalls.incrementAndGet());
      } catch (io.commercesync.core.error.CallRejectedException rejected) {
        assertThat(rejected.reason()).isEqualTo(io.commercesync.core.error.CallRejectedException.Reason.CIRCUIT_OPEN);
      }
    }
    assertThat(ioCalls.get()).isEqualTo(afterOpen);
    // half-open: one probe; success closes
    r.halfOpenBreaker(RecordingSink.SYSTEM);
    assertThat(r.call(RecordingSink.SYSTEM, ioCalls::incrementAndGet)).isEqualTo(afterOpen + 1);
    assertThat(r.breakerState(RecordingSink.SYSTEM)).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void faults_30PercentTransient_2PercentPermanent_everyRecordEndsWrittenOnceOrDeadLettered() {
    ListSource source = ListSource.of(1_000);
    RecordingSink sink = new RecordingSink(5);
    sink.transientRate = 0.30;
    sink.lostResponseRate = 0.02;
    sink.retryAfter = Duration.ofSeconds(7);
    sink.rejects = item -> Integer.parseInt(item.key().substring(1)) % 50 == 7;   // 2 %
    Resilience r = resilience(RetrySettings.DEFAULT.withMaxAttempts(10), new BreakerSettings(90, 100, Duration.ofHours(1), 1));
    Pipeline<ListSource.Item, ListSource.Item> p = pipeline(source, sink, r);
    RunReport report = p.run();
    // several runs may be needed when a record exhausts its attempts (pending) — never a duplicate
    int runs = 1;
    while (report.state() == RunState.PAUSED && runs++ < 10) {
      report = p.run();
    }
    assertThat(sink.duplicates()).isEmpty();
    long rejected = 1_000 / 50;
    assertThat(store.deadLetters().count(DeadLetterFilter.OPEN)).isEqualTo(rejected);
    assertThat(sink.applied).hasSize(1_000 - (int) rejected);
    List<DeadLetter> letters = store.deadLetters().list(DeadLetterFilter.OPEN);
    assertThat(letters).allSatisfy(l -> {
      assertThat(l.errorMessage()).contains("Item number does not exist");
      assertThat(l.payload()).isNotEmpty();
    });
    // every 429 carried Retry-After: 7, and no retry after one came sooner
    assertThat(scheduler.delays).anySatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(7)));
    assertThat(store.checkpoints().get(source.name())).contains(Cursor.of("000000999"));
  }

  @Test
  void poisonRecord_isDeadLettered_andTheRecordsBehindItProceed() {
    ListSource source = new ListSource().add("k0", "v0").add("k1", "bad").add("k2", "v2");
    RecordingSink sink = new RecordingSink(6);
    RunReport report = pipeline(source, sink, resilience()).run();
    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(report.written()).isEqualTo(2);
    assertThat(report.checkpoint()).isEqualTo("000000002");
    DeadLetter letter = store.deadLetters().list(DeadLetterFilter.OPEN).get(0);
    assertThat(letter.recordKey()).isEqualTo("k1");
    assertThat(letter.errorType()).isEqualTo("InvalidRecordException");
    assertThat(letter.violations()).containsExactly("(document): truncated");
  }

  @Test
  void correctedVersionReadAgain_closesTheOpenLetterAsResolved_andOnlyThatOne() {
    ListSource source = new ListSource().add("k0", "v0").add("k1", "bad").add("k2", "bad");
    RecordingSink sink = new RecordingSink(8);
    Pipeline<ListSource.Item, ListSource.Item> p = pipeline(source, sink, resilience());
    assertThat(p.run().deadLettered()).isEqualTo(2);
    DeadLetter k1 = store.deadLetters().list(DeadLetterFilter.OPEN).stream()
        .filter(l -> l.recordKey().equals("k1")).findFirst().orElseThrow();

    source.add("k3", "v3");   // other records going through close nothing
    assertThat(p.run().written()).isEqualTo(1);
    assertThat(store.deadLetters().count(DeadLetterFilter.OPEN)).isEqualTo(2);

    source.add("k1", "v1-corrected");   // the storefront fixed the record: a new version is read
    RunReport fixed = p.run();
    assertThat(fixed.written()).isEqualTo(1);
    DeadLetter closed = store.deadLetters().get(k1.id()).orElseThrow();
    assertThat(closed.status()).isEqualTo(DeadLetter.Status.RESOLVED);
    assertThat(closed.note()).contains("succeeded in run").contains("written");
    assertThat(store.deadLetters().list(DeadLetterFilter.OPEN)).extracting(DeadLetter::recordKey).containsExactly("k2");
  }

  @Test
  void recordProcessedOnDemand_likeAWebhook_closesItsOpenLetterAsResolved() {
    ListSource source = new ListSource().add("k0", "bad");
    RecordingSink sink = new RecordingSink(9);
    Pipeline<ListSource.Item, ListSource.Item> p = pipeline(source, sink, resilience());
    assertThat(p.run().deadLettered()).isEqualTo(1);
    source.add("k0", "v0-corrected");
    assertThat(p.process("k0").written()).isEqualTo(1);
    assertThat(store.deadLetters().count(DeadLetterFilter.OPEN)).isZero();
    assertThat(store.deadLetters().list(DeadLetterFilter.ALL)).singleElement()
        .satisfies(l -> assertThat(l.status()).isEqualTo(DeadLetter.Status.RESOLVED));
  }

  @Test
  void scenario10_deadLetters_replayAfterAFix_andASecondReplayDoesNotDuplicate() {
    ListSource source = ListSource.of(10);
    RecordingSink sink = new RecordingSink(7);
    sink.rejects = item -> item.key().equals("k4");
    Pipeline<ListSource.Item, ListSource.Item> p = pipeline(source, sink, resilience());
    assertThat(p.run().deadLettered()).isEqualTo(1);
    DeadLetter letter = store.deadLetters().list(DeadLetterFilter.OPEN).get(0);
    assertThat(letter.idempotencyKey()).isEqualTo("test-source/item/k4/items");

    // still broken: the letter stays open with one more attempt
    assertThat(p.replay(DeadLetterFilter.OPEN).deadLettered()).isEqualTo(1);
    assertThat(store.deadLetters().get(letter.id()).orElseThrow().attempts()).isEqualTo(2);

    sink.rejects = item -> false;   // the fix: the item now exists in the ERP
    RunReport replay = p.replay(DeadLetterFilter.OPEN);
    assertThat(replay.written()).isEqualTo(1);
    assertThat(store.deadLetters().get(letter.id()).orElseThrow().status()).isEqualTo(DeadLetter.Status.REPLAYED);
    assertThat(p.replay(DeadLetterFilter.ALL.withFlow("items")).read()).isZero();
    assertThat(sink.applied.get("test-source/item/k4/items")).hasValue(1);
    assertThat(sink.duplicates()).isEmpty();
  }

  @Test
  void scenario18_keyReusedWithADifferentPayload_isAnError_neverASilentOverwrite() {
    ListSource source = new ListSource().add("k1", "first");
    RecordingSink sink = new RecordingSink(8);
    Pipeline<ListSource.Item, ListSource.Item> p = pipeline(source, sink, resilience());
    p.run();
    // the same record comes back with different data under the same key
    ListSource changed = new ListSource().add("k1", "second");
    RunReport report = pipeline(changed, sink, resilience()).process(List.of(changed.fetch("k1").orElseThrow()));
    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(sink.valuesByRecord.get("k1")).containsExactly("first");
    assertThat(store.deadLetters().list(DeadLetterFilter.OPEN).get(0).errorType())
        .isEqualTo("IdempotencyConflictException");
  }

  @Test
  void sameKey_isAppliedInSourceOrder_differentKeysInParallel() {
    ListSource source = new ListSource();
    for (int round = 0; round < 20; round++) {
      for (int c = 0; c < 5; c++) {
        source.add("customer-" + c, "change-" + round);
      }
    }
    RecordingSink sink = new RecordingSink(9);
    Pipeline<ListSource.Item, ListSource.Item> p = Pipeline.<ListSource.Item, ListSource.Item>named("customers")
        .source(source).map(Mapper.identity()).sink(sink).store(store).resilience(resilience())
        .keys((raw, item) -> IdempotencyKey.of(SystemIdHolder.SOURCE, "customer", raw.key(), item.value()))
        .concurrency(8).maxInFlight(32).build();
    RunReport report = p.run();
    assertThat(report.written()).isEqualTo(100);
    for (int c = 0; c < 5; c++) {
      List<String> expected = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "change-" + i).toList();
      assertThat(sink.valuesByRecord.get("customer-" + c)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void slowSink_slowsTheSource_inFlightNeverExceedsTheLimit() {
    ListSource source = ListSource.of(300);
    AtomicInteger inSink = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    Map<String, Boolean> seen = new ConcurrentHashMap<>();
    Sink<ListSource.Item> slow = new Sink<>() {
      @Override public io.commercesync.core.model.SystemId system() { return RecordingSink.SYSTEM; }
      @Override public WriteResult write(ListSource.Item record, IdempotencyKey key) {
        int now = inSink.incrementAndGet();
        maxSeen.accumulateAndGet(now, Math::max);
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        seen.put(record.key(), true);
        inSink.decrementAndGet();
        return WriteResult.created(record.key());
      }
      @Override public java.util.Optional<WriteResult> lookup(ListSource.Item record, IdempotencyKey key) {
        return java.util.Optional.empty();
      }
    };
    AtomicInteger maxInFlight = new AtomicInteger();
    AtomicInteger read = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    PipelineListener watch = new PipelineListener() {
      @Override public void recordWritten(String pipeline, RawRecord record, WriteResult result) {
        finished.incrementAndGet();
      }
    };
    Source<ListSource.Item> counting = new Source<>() {
      @Override public io.commercesync.core.model.SystemId system() { return source.system(); }
      @Override public String name() { return source.name(); }
      @Override public RecordStream read(Cursor from) {
        RecordStream inner = source.read(from);
        return new RecordStream() {
          @Override public boolean hasNext() { return inner.hasNext(); }
          @Override public RawRecord next() {
            maxInFlight.accumulateAndGet(read.incrementAndGet() - finished.get(), Math::max);
            return inner.next();
          }
          @Override public void close() { inner.close(); }
        };
      }
      @Override public ListSource.Item decode(RawRecord record) { return source.decode(record); }
    };
    RunReport report = Pipeline.<ListSource.Item, ListSource.Item>named("slow")
        .source(counting).map(Mapper.identity()).sink(slow).store(store).resilience(resilience())
        .concurrency(4).maxInFlight(16).listener(watch).build().run();
    assertThat(report.written()).isEqualTo(300);
    assertThat(seen).hasSize(300);
    assertThat(maxInFlight.get()).isLessThanOrEqualTo(16 + 1);
    assertThat(maxSeen.get()).isLessThanOrEqualTo(4);
  }

  @Test
  void validators_reportEveryViolation_namingTheTargetSystem() {
    ListSource source = new ListSource().add("k1", "x".repeat(40));
    RecordingSink sink = new RecordingSink(10);
    RunReport report = Pipeline.<ListSource.Item, ListSource.Item>named("validated")
        .source(source).map(Mapper.identity()).sink(sink).store(store).resilience(resilience())
        .validate(item -> item.value().length() > 30
            ? List.of(FieldViolation.tooLong("ITEMDESC", item.value(), 30)) : List.of())
        .validate(item -> List.of(FieldViolation.required("UOFM")))
        .build().run();
    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(sink.writeCalls).hasValue(0);
    DeadLetter letter = store.deadLetters().list(DeadLetterFilter.OPEN).get(0);
    assertThat(letter.errorMessage()).startsWith("test-sink item k1:");
    assertThat(letter.violations()).containsExactly("ITEMDESC: must be at most 30 characters (was 40)", "UOFM: is required");
  }

  @Test
  void fingerprint_skipsUnchangedRecordsWithoutACall() {
    ListSource source = ListSource.of(50);
    RecordingSink sink = new RecordingSink(11);
    Pipeline<ListSource.Item, ListSource.Item> p = Pipeline.<ListSource.Item, ListSource.Item>named("catalog")
        .source(source).map(Mapper.identity()).sink(sink).store(store).resilience(resilience())
        .keys((raw, item) -> IdempotencyKey.of(SystemIdHolder.SOURCE, "item", raw.key(), item.value()))
        .fingerprint(ListSource.Item::value).build();
    assertThat(p.run().written()).isEqualTo(50);
    store.checkpoints().put(source.name(), Cursor.START);   // a full reconciliation
    RunReport again = p.run();
    assertThat(again.unchanged()).isEqualTo(50);
    assertThat(sink.writeCalls).hasValue(50);
  }

  /** Holds the test source's system id for key functions. */
  static final class SystemIdHolder {
    static final io.commercesync.core.model.SystemId SOURCE = io.commercesync.core.model.SystemId.of("test-source");
  }
}
