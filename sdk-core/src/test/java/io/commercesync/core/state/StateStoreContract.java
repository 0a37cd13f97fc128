package io.commercesync.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.IdempotencyConflictException;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link StateStore} keeps, run identically against the in-memory, SQLite and
 * PostgreSQL stores. {@link io.commercesync.core.state.internal.InMemoryStateStore}'s behaviour is the
 * reference.
 */
abstract class StateStoreContract {

  static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456789Z");
  static final SystemId GP = SystemId.DYNAMICS_GP;
  static final SystemId MAGENTO = SystemId.MAGENTO;

  final MutableClock clock = new MutableClock(T0);
  private final List<StateStore> opened = Collections.synchronizedList(new ArrayList<>());
  StateStore store;

  /** Prepares a fresh, empty place for the stores of one test (a file, a schema). */
  abstract void newLocation() throws Exception;

  /** Opens a store on the current location. */
  abstract StateStore openAt(Clock clock);

  /** Removes what {@link #newLocation()} made; stores are closed already. */
  void dropLocation() throws Exception {}

  StateStore open() {
    StateStore s = openAt(clock);
    opened.add(s);
    return s;
  }

  @BeforeEach
  void openStore() throws Exception {
    newLocation();
    store = open();
  }

  @AfterEach
  void closeStores() throws Exception {
    List<StateStore> all = new ArrayList<>(opened);
    Collections.reverse(all);
    all.forEach(StateStore::close);
    dropLocation();
  }

  static IdempotencyKey key(String recordKey) {
    return IdempotencyKey.of(MAGENTO, "order", recordKey, "erp-sales-order");
  }

  static DeadLetter letter(String flow, String recordKey, String errorType, Instant failedAt) {
    return new DeadLetter(null, flow, "magento:orders", "order", recordKey, key(recordKey).value(),
        ("{\"increment_id\":\"" + recordKey + "\"}").getBytes(StandardCharsets.UTF_8), "application/json",
        "{\"number\":\"" + recordKey + "\"}", errorType, "item CS-TEE does not exist",
        List.of("lines[0].sku: unknown"), 1, failedAt, failedAt, DeadLetter.Status.OPEN, null);
  }

  /** Runs {@code task} on {@code threads} threads released together; returns each thread's result. */
  static <T> List<T> race(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  // --- checkpoints ------------------------------------------------------------------------------

  @Test
  void runHistory_keepsReportsNewestFirst_perPipelineOrAll() {
    io.commercesync.core.pipeline.RunReport a = report("orders", "r1", T0.plusSeconds(10));
    io.commercesync.core.pipeline.RunReport b = report("stock", "r2", T0.plusSeconds(20));
    io.commercesync.core.pipeline.RunReport c = report("orders", "r3", T0.plusSeconds(30));
    store.runHistory().record(a);
    store.runHistory().record(b);
    store.runHistory().record(c);
    assertThat(store.runHistory().recent(null, 10)).extracting(io.commercesync.core.pipeline.RunReport::runId)
        .containsExactly("r3", "r2", "r1");
    assertThat(store.runHistory().recent("orders", 1)).containsExactly(c);
  }

  private static io.commercesync.core.pipeline.RunReport report(String pipeline, String id, Instant finished) {
    return new io.commercesync.core.pipeline.RunReport(pipeline, id, io.commercesync.core.pipeline.RunState.PAUSED,
        finished.minusSeconds(5), finished, 10, 7, 1, 0, 0, 1, 1, 3, "000000009", "circuit open for erp",
        Map.of("write", new io.commercesync.core.pipeline.StageStats(7, Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(9), Duration.ofMillis(12))));
  }

  @Test
  void checkpoints_putThenGet_returnsLatestCursorPerSource() {
    assertThat(store.checkpoints().get("magento:orders")).isEmpty();
    store.checkpoints().put("magento:orders", Cursor.of("2025-03-15 09:41:37|1043"));
    store.checkpoints().put("gp:items", Cursor.START);
    store.checkpoints().put("magento:orders", Cursor.of("2025-03-15 09:42:00|1044"));

    assertThat(store.checkpoints().get("magento:orders")).contains(Cursor.of("2025-03-15 09:42:00|1044"));
    assertThat(store.checkpoints().get("gp:items")).hasValueSatisfying(c -> assertThat(c.isStart()).isTrue());
  }

  // --- ledger -----------------------------------------------------------------------------------

  @Test
  void ledgerBegin_newKey_createsPendingEntryThenCountsAttempts() {
    LedgerEntry first = store.ledger().begin(key("1043"), "h1");
    assertThat(first.state()).isEqualTo(LedgerEntry.State.PENDING);
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.payloadHash()).isEqualTo("h1");
    assertThat(first.remoteId()).isNull();
    assertThat(first.updatedAt()).isEqualTo(T0);

    clock.advance(Duration.ofSeconds(5));
    LedgerEntry second = store.ledger().begin(key("1043"), "h1");
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(second.updatedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(store.ledger().get(key("1043"))).contains(second);
    assertThat(store.ledger().get(key("9999"))).isEmpty();
  }

  @Test
  void ledgerBegin_onDoneEntry_returnsItUnchanged() {
    store.ledger().begin(key("1043"), "h1");
    clock.advance(Duration.ofSeconds(1));
    store.ledger().markDone(key("1043"), "SO-000123");
    LedgerEntry done = store.ledger().get(key("1043")).orElseThrow();
    assertThat(done.done()).isTrue();
    assertThat(done.remoteId()).isEqualTo("SO-000123");

    clock.advance(Duration.ofSeconds(1));
    assertThat(store.ledger().begin(key("1043"), "h1")).isEqualTo(done);
    assertThat(store.ledger().get(key("1043"))).contains(done);
  }

  @Test
  void ledgerBegin_doneKeyWithDifferentPayload_throwsConflictAndKeepsTheEntry() {
    store.ledger().begin(key("1043"), "h1");
    store.ledger().markDone(key("1043"), "SO-1");
    LedgerEntry done = store.ledger().get(key("1043")).orElseThrow();
    assertThatThrownBy(() -> store.ledger().begin(key("1043"), "h2"))
        .isInstanceOf(IdempotencyConflictException.class)
        .hasMessageContaining(key("1043").value());
    assertThat(store.ledger().get(key("1043"))).contains(done);
  }

  @Test
  void ledgerBegin_pendingOrFailedKeyWithANewPayload_takesIt_aFixedRecordMayBeRetried() {
    store.ledger().begin(key("1043"), "h1");
    LedgerEntry retried = store.ledger().begin(key("1043"), "h2");
    assertThat(retried.payloadHash()).isEqualTo("h2");
    assertThat(retried.attempts()).isEqualTo(2);
    store.ledger().markFailed(key("1043"));
    LedgerEntry fixed = store.ledger().begin(key("1043"), "h3");
    assertThat(fixed.state()).isEqualTo(LedgerEntry.State.PENDING);
    assertThat(fixed.payloadHash()).isEqualTo("h3");
    assertThat(fixed.attempts()).isEqualTo(3);
  }

  @Test
  void ledgerMarkFailed_thenBegin_isPendingAgainWithOneMoreAttempt() {
    store.ledger().begin(key("1043"), "h1");
    store.ledger().markFailed(key("1043"));
    assertThat(store.ledger().get(key("1043")).orElseThrow().state()).isEqualTo(LedgerEntry.State.FAILED);

    LedgerEntry again = store.ledger().begin(key("1043"), "h1");
    assertThat(again.state()).isEqualTo(LedgerEntry.State.PENDING);
    assertThat(again.attempts()).isEqualTo(2);

    store.ledger().markFailed(key("unknown"));
    assertThat(store.ledger().get(key("unknown"))).isEmpty();
  }

  @Test
  void ledgerMarkDone_withoutBegin_createsDoneEntry() {
    store.ledger().markDone(key("1043"), "SO-7");
    assertThat(store.ledger().get(key("1043"))).contains(
        new LedgerEntry(key("1043"), LedgerEntry.State.DONE, "", "SO-7", 1, T0));
  }

  @Test
  void ledgerAsync_completesWithTheEntryAndFailsOnConflict() throws Exception {
    LedgerEntry entry = store.ledger().beginAsync(key("1"), "h").get(30, TimeUnit.SECONDS);
    assertThat(entry.attempts()).isEqualTo(1);
    store.ledger().markDoneAsync(key("1"), "R1").get(30, TimeUnit.SECONDS);
    assertThat(store.ledger().get(key("1")).orElseThrow().remoteId()).isEqualTo("R1");

    CompletableFuture<LedgerEntry> conflict = store.ledger().beginAsync(key("1"), "other");
    assertThatThrownBy(conflict::join).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IdempotencyConflictException.class);
  }

  @Test
  void ledgerBegin_sixteenThreadsSameKey_exactlyOneCreates() throws Exception {
    List<Integer> attempts = race(16, () -> store.ledger().begin(key("hot"), "h").attempts());
    assertThat(attempts).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
    assertThat(store.ledger().get(key("hot")).orElseThrow().attempts()).isEqualTo(16);
  }

  @Test
  void ledger_sixteenConcurrentWriters_everyEffectRecordedOnce() throws Exception {
    AtomicInteger threadIds = new AtomicInteger();
    race(16, () -> {
      int t = threadIds.incrementAndGet();
      for (int i = 0; i < 100; i++) {
        IdempotencyKey k = key(t + "-" + i);
        assertThat(store.ledger().begin(k, "h" + i).attempts()).isEqualTo(1);
        store.ledger().markDone(k, "R-" + t + "-" + i);
      }
      return null;
    });
    for (int t = 1; t <= 16; t++) {
      for (int i = 0; i < 100; i++) {
        LedgerEntry e = store.ledger().get(key(t + "-" + i)).orElseThrow();
        assertThat(e.state()).isEqualTo(LedgerEntry.State.DONE);
        assertThat(e.remoteId()).isEqualTo("R-" + t + "-" + i);
        assertThat(e.payloadHash()).isEqualTo("h" + i);
      }
    }
  }

  // --- dead letters -----------------------------------------------------------------------------

  @Test
  void deadLetterAdd_thenGet_roundTripsEveryField() {
    byte[] payload = {0, 1, 2, (byte) 0xff, '{', '}'};
    DeadLetter in = new DeadLetter("ignored", "orders-to-erp:magento->dynamics-gp", "magento:orders", "order",
        "000001043", key("000001043").value(), payload, "application/octet-stream", "{\"number\":\"000001043\"}",
        "InvalidRecordException", "magento order 000001043: lines[0].sku: unknown",
        List.of("lines[0].sku: unknown", "a\\b\nc", ""), 3, T0, T0.plusSeconds(60), DeadLetter.Status.OPEN, null);
    String id = store.deadLetters().add(in);

    DeadLetter out = store.deadLetters().get(id).orElseThrow();
    assertThat(out).isEqualTo(new DeadLetter(id, in.flow(), in.source(), in.entity(), in.recordKey(),
        in.idempotencyKey(), payload, in.contentType(), in.canonical(), in.errorType(), in.errorMessage(),
        in.violations(), 3, T0, T0.plusSeconds(60), DeadLetter.Status.OPEN, null));
    assertThat(out.payload()).containsExactly(payload);
    assertThat(out.violations()).containsExactly("lines[0].sku: unknown", "a\\b\nc", "");
    assertThat(store.deadLetters().get("no-such-id")).isEmpty();
    assertThat(store.deadLetters().get(id + "999")).isEmpty();
  }

  @Test
  void deadLetterAdd_minimalLetter_roundTripsNullsAndEmpties() {
    DeadLetter in = new DeadLetter(null, "flow", null, "order", "1", null, null, null, null, "X", null, null, 0,
        T0, T0, DeadLetter.Status.OPEN, null);
    DeadLetter out = store.deadLetters().get(store.deadLetters().add(in)).orElseThrow();
    assertThat(out.source()).isNull();
    assertThat(out.idempotencyKey()).isNull();
    assertThat(out.payload()).isEmpty();
    assertThat(out.canonical()).isNull();
    assertThat(out.errorMessage()).isEmpty();
    assertThat(out.violations()).isEmpty();
    assertThat(out.attempts()).isEqualTo(1);
  }

  @Test
  void deadLetterAdd_openLetterForSameFlowAndKey_isMergedNotDuplicated() {
    String id = store.deadLetters().add(letter("orders", "1043", "RemoteSystemException", T0));
    DeadLetter second = new DeadLetter(null, "orders", "magento:orders", "order", "1043", key("1043").value(),
        "v2".getBytes(StandardCharsets.UTF_8), "application/json", null, "InvalidRecordException", "now invalid",
        List.of("x: bad"), 2, T0.plusSeconds(100), T0.plusSeconds(100), DeadLetter.Status.OPEN, null);
    String again = store.deadLetters().add(second);
    store.deadLetters().add(letter("other-flow", "1043", "X", T0));

    assertThat(again).isEqualTo(id);
    DeadLetter merged = store.deadLetters().get(id).orElseThrow();
    assertThat(merged.attempts()).isEqualTo(3);
    assertThat(merged.firstFailedAt()).isEqualTo(T0);
    assertThat(merged.lastFailedAt()).isEqualTo(T0.plusSeconds(100));
    assertThat(merged.errorType()).isEqualTo("InvalidRecordException");
    assertThat(merged.errorMessage()).isEqualTo("now invalid");
    assertThat(merged.payload()).isEqualTo("v2".getBytes(StandardCharsets.UTF_8));
    assertThat(merged.violations()).containsExactly("x: bad");
    assertThat(merged.status()).isEqualTo(DeadLetter.Status.OPEN);
    assertThat(store.deadLetters().count(DeadLetterFilter.ALL)).isEqualTo(2);
  }

  @Test
  void deadLetterAdd_afterDiscard_opensANewLetter() {
    String id = store.deadLetters().add(letter("orders", "1043", "X", T0));
    store.deadLetters().discard(id, "customer cancelled the order");
    String next = store.deadLetters().add(letter("orders", "1043", "X", T0.plusSeconds(1)));

    assertThat(next).isNotEqualTo(id);
    assertThat(store.deadLetters().get(id).orElseThrow().status()).isEqualTo(DeadLetter.Status.DISCARDED);
    assertThat(store.deadLetters().get(next).orElseThrow().attempts()).isEqualTo(1);
    assertThat(store.deadLetters().count(DeadLetterFilter.OPEN)).isEqualTo(1);
  }

  @Test
  void deadLetterList_filtersByFlowEntityErrorStatusAndAge_newestFirst() {
    String a = store.deadLetters().add(letter("orders", "1", "InvalidRecordException", T0));
    String b = store.deadLetters().add(letter("orders", "2", "RemoteSystemException", T0.plusSeconds(10)));
    String c = store.deadLetters().add(letter("customers", "3", "InvalidRecordException", T0.plusSeconds(20)));
    DeadLetter customer = letter("orders", "4", "InvalidRecordException", T0.plusSeconds(30));
    String d = store.deadLetters().add(new DeadLetter(null, customer.flow(), customer.source(), "customer",
        customer.recordKey(), null, customer.payload(), customer.contentType(), null, customer.errorType(),
        customer.errorMessage(), customer.violations(), 1, customer.firstFailedAt(), customer.lastFailedAt(),
        DeadLetter.Status.OPEN, null));
    store.deadLetters().markReplayed(b, "SO-9");

    assertThat(ids(store.deadLetters().list(DeadLetterFilter.ALL))).containsExactly(d, c, b, a);
    assertThat(ids(store.deadLetters().list(DeadLetterFilter.ALL.withFlow("orders")))).containsExactly(d, b, a);
    assertThat(ids(store.deadLetters().list(DeadLetterFilter.ALL.withEntity("customer")))).containsExactly(d);
    assertThat(ids(store.deadLetters().list(DeadLetterFilter.ALL.withErrorType("InvalidRecordException"))))
        .containsExactly(d, c, a);
    assertThat(ids(store.deadLetters().list(DeadLetterFilter.OPEN))).containsExactly(d, c, a);
    assertThat(ids(store.deadLetters().list(DeadLetterFilter.ALL.withFailedBefore(T0.plusSeconds(20)))))
        .containsExactly(b, a);
    assertThat(ids(store.deadLetters().list(DeadLetterFilter.ALL.withLimit(2)))).containsExactly(d, c);
    assertThat(ids(store.deadLetters().list(DeadLetterFilter.OPEN.withFlow("orders").withLimit(1))))
        .containsExactly(d);

    assertThat(store.deadLetters().count(DeadLetterFilter.ALL)).isEqualTo(4);
    assertThat(store.deadLetters().count(DeadLetterFilter.OPEN.withFlow("orders"))).isEqualTo(2);
    assertThat(store.deadLetters().count(DeadLetterFilter.ALL.withFailedBefore(T0))).isZero();
  }

  private static List<String> ids(List<DeadLetter> letters) {
    return letters.stream().map(DeadLetter::id).toList();
  }

  @Test
  void deadLetterReplayAndDiscard_closeTheLetterAndKeepItAsAudit() {
    String a = store.deadLetters().add(letter("orders", "1", "X", T0));
    String b = store.deadLetters().add(letter("orders", "2", "X", T0));
    store.deadLetters().markReplayed(a, "replayed as SO-000777");
    store.deadLetters().discard(b, "duplicate test order, deleted in Magento");

    assertThat(store.deadLetters().get(a).orElseThrow())
        .extracting(DeadLetter::status, DeadLetter::note)
        .containsExactly(DeadLetter.Status.REPLAYED, "replayed as SO-000777");
    assertThat(store.deadLetters().get(b).orElseThrow())
        .extracting(DeadLetter::status, DeadLetter::note)
        .containsExactly(DeadLetter.Status.DISCARDED, "duplicate test order, deleted in Magento");
    assertThat(store.deadLetters().count(DeadLetterFilter.OPEN)).isZero();
    assertThat(store.deadLetters().count(DeadLetterFilter.ALL)).isEqualTo(2);

    assertThatThrownBy(() -> store.deadLetters().discard("dl-424242", "x"))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("dl-424242");
    assertThatThrownBy(() -> store.deadLetters().markReplayed("nonsense", "x"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void deadLetterResolved_isClosed_listedByItsStatus_andANewFailureOpensANewLetter() {
    String id = store.deadLetters().add(letter("orders", "1043", "X", T0));
    store.deadLetters().markResolved(id, "succeeded in run r-7 (written)");

    assertThat(store.deadLetters().get(id).orElseThrow())
        .extracting(DeadLetter::status, DeadLetter::note)
        .containsExactly(DeadLetter.Status.RESOLVED, "succeeded in run r-7 (written)");
    assertThat(store.deadLetters().count(DeadLetterFilter.OPEN)).isZero();
    assertThat(ids(store.deadLetters().list(new DeadLetterFilter(null, null, null, DeadLetter.Status.RESOLVED, null, 0))))
        .containsExactly(id);
    String next = store.deadLetters().add(letter("orders", "1043", "X", T0.plusSeconds(5)));
    assertThat(next).isNotEqualTo(id);
    assertThatThrownBy(() -> store.deadLetters().markResolved("dl-424242", "x"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void deadLetterPurgePayloads_emptiesOnlyOldClosedLetters() {
    String oldClosed = store.deadLetters().add(letter("orders", "1", "X", T0));
    String oldOpen = store.deadLetters().add(letter("orders", "2", "X", T0));
    String newClosed = store.deadLetters().add(letter("orders", "3", "X", T0.plus(Duration.ofDays(40))));
    store.deadLetters().discard(oldClosed, "gone");
    store.deadLetters().markReplayed(newClosed, "SO-1");

    assertThat(store.deadLetters().purgePayloads(T0.plus(Duration.ofDays(30)))).isEqualTo(1);

    DeadLetter purged = store.deadLetters().get(oldClosed).orElseThrow();
    assertThat(purged.payload()).isEmpty();
    assertThat(purged.canonical()).isNull();
    assertThat(purged.errorType()).isEqualTo("X");
    assertThat(purged.note()).isEqualTo("gone");
    assertThat(store.deadLetters().get(oldOpen).orElseThrow().payload()).isNotEmpty();
    assertThat(store.deadLetters().get(newClosed).orElseThrow().payload()).isNotEmpty();
    assertThat(store.deadLetters().purgePayloads(T0.plus(Duration.ofDays(30)))).isZero();
  }

  // --- cross-references -------------------------------------------------------------------------

  @Test
  void crossReferencesLink_isFoundFromBothSides() {
    ExternalRef magento42 = ExternalRef.of(MAGENTO, "42");
    ExternalRef gpSmith = ExternalRef.of(GP, "JSMITH0001");
    store.crossReferences().link("customer", magento42, gpSmith);

    assertThat(store.crossReferences().find("customer", magento42, GP)).contains(gpSmith);
    assertThat(store.crossReferences().find("customer", gpSmith, MAGENTO)).contains(magento42);
    assertThat(store.crossReferences().find("order", magento42, GP)).isEmpty();
    assertThat(store.crossReferences().find("customer", magento42, SystemId.CLARITY)).isEmpty();
  }

  @Test
  void crossReferencesLink_replacesEarlierLinksOfEitherSide() {
    ExternalRef m42 = ExternalRef.of(MAGENTO, "42");
    ExternalRef m43 = ExternalRef.of(MAGENTO, "43");
    ExternalRef gpA = ExternalRef.of(GP, "JSMITH0001");
    ExternalRef gpB = ExternalRef.of(GP, "JSMITH0002");
    store.crossReferences().link("customer", m42, gpA);
    store.crossReferences().link("order", m42, gpA);

    store.crossReferences().link("customer", m42, gpB);
    assertThat(store.crossReferences().find("customer", m42, GP)).contains(gpB);
    assertThat(store.crossReferences().find("customer", gpA, MAGENTO)).isEmpty();
    assertThat(store.crossReferences().find("customer", gpB, MAGENTO)).contains(m42);

    store.crossReferences().link("customer", m43, gpB);
    assertThat(store.crossReferences().find("customer", gpB, MAGENTO)).contains(m43);
    assertThat(store.crossReferences().find("customer", m42, GP)).isEmpty();
    assertThat(store.crossReferences().find("customer", m43, GP)).contains(gpB);

    // another entity is untouched
    assertThat(store.crossReferences().find("order", m42, GP)).contains(gpA);
    assertThat(store.crossReferences().find("order", gpA, MAGENTO)).contains(m42);
  }

  // --- fingerprints -----------------------------------------------------------------------------

  @Test
  void fingerprints_putThenGet_perScopeAndKey() {
    assertThat(store.fingerprints().get("magento:catalog:all", "CS-TEE")).isEmpty();
    store.fingerprints().put("magento:catalog:all", "CS-TEE", "sha256:aa");
    store.fingerprints().put("magento:catalog:default", "CS-TEE", "sha256:bb");
    store.fingerprints().put("magento:catalog:all", "CS-TEE", "sha256:cc");

    assertThat(store.fingerprints().get("magento:catalog:all", "CS-TEE")).contains("sha256:cc");
    assertThat(store.fingerprints().get("magento:catalog:default", "CS-TEE")).contains("sha256:bb");
  }

  // --- received events --------------------------------------------------------------------------

  @Test
  void receivedEvents_firstArrivalOnce_perChannel_untilPurged() {
    assertThat(store.receivedEvents().firstArrival("clarity", "evt-1", T0)).isTrue();
    assertThat(store.receivedEvents().firstArrival("clarity", "evt-1", T0.plus(Duration.ofHours(72)))).isFalse();
    assertThat(store.receivedEvents().firstArrival("magento", "evt-1", T0)).isTrue();
    assertThat(store.receivedEvents().firstArrival("clarity", "evt-2", T0.plusSeconds(10))).isTrue();

    assertThat(store.receivedEvents().purge(T0.plusSeconds(5))).isEqualTo(2);
    assertThat(store.receivedEvents().firstArrival("clarity", "evt-2", T0)).isFalse();
    assertThat(store.receivedEvents().firstArrival("clarity", "evt-1", T0)).isTrue();
  }

  @Test
  void receivedEvents_sixteenThreadsSameEvents_exactlyOneFirstArrivalEach() throws Exception {
    List<List<String>> firsts = race(16, () -> {
      List<String> mine = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        if (store.receivedEvents().firstArrival("clarity", "evt-" + i, T0)) {
          mine.add("evt-" + i);
        }
      }
      return mine;
    });
    List<String> all = firsts.stream().flatMap(List::stream).toList();
    assertThat(all).hasSize(100).doesNotHaveDuplicates();
  }

  // --- leases -----------------------------------------------------------------------------------

  @Test
  void leasesClaim_takesFreeAndOwnAndExpired_only() {
    Duration ttl = Duration.ofSeconds(30);
    assertThat(store.leases().claim("orders", List.of("r1", "r2"), "A", ttl)).containsExactlyInAnyOrder("r1", "r2");
    assertThat(store.leases().claim("orders", List.of("r2", "r3"), "B", ttl)).containsExactly("r3");
    assertThat(store.leases().claim("customers", List.of("r1"), "B", ttl)).containsExactly("r1");

    clock.advance(Duration.ofSeconds(20));
    assertThat(store.leases().claim("orders", List.of("r1"), "A", ttl)).containsExactly("r1");   // renewed

    clock.advance(Duration.ofSeconds(15));   // r2 expired (35 s), r1 renewed at 20 s holds until 50 s
    assertThat(store.leases().claim("orders", List.of("r1", "r2"), "B", ttl)).containsExactly("r2");
    assertThat(store.leases().claim("orders", List.of("r2"), "A", ttl)).isEmpty();

    clock.advance(Duration.ofSeconds(15));   // 50 s: r1 expires exactly now
    assertThat(store.leases().claim("orders", List.of("r1"), "B", ttl)).containsExactly("r1");
    assertThat(store.leases().claim("orders", List.of(), "B", ttl)).isEmpty();
  }

  @Test
  void leasesRelease_freesOnlyTheOwnersClaims() {
    Duration ttl = Duration.ofMinutes(5);
    store.leases().claim("orders", List.of("r1", "r2"), "A", ttl);
    store.leases().release("orders", List.of("r1", "r2"), "B");
    assertThat(store.leases().claim("orders", List.of("r1", "r2"), "B", ttl)).isEmpty();

    store.leases().release("orders", List.of("r1"), "A");
    assertThat(store.leases().claim("orders", List.of("r1", "r2"), "B", ttl)).containsExactly("r1");
  }

  @Test
  void leasesClaim_sixteenOwnersRacing_getDisjointSetsCoveringAll() throws Exception {
    assertDisjointCover(List.of(store), 16, 400);
  }

  /** {@code threads} owners spread over {@code stores} claim the same resources in chunks. */
  static void assertDisjointCover(List<StateStore> stores, int threads, int resources) throws Exception {
    List<String> all = IntStream.range(0, resources).mapToObj(i -> "order-" + i).toList();
    AtomicInteger ids = new AtomicInteger();
    List<Map.Entry<String, Set<String>>> claims = race(threads, () -> {
      int id = ids.getAndIncrement();
      StateStore s = stores.get(id % stores.size());
      String owner = "instance-" + (id % stores.size()) + "/worker-" + id;
      List<String> order = new ArrayList<>(all);
      Collections.shuffle(order, new java.util.Random(id));
      Set<String> mine = new HashSet<>();
      for (int from = 0; from < order.size(); from += 50) {
        mine.addAll(s.leases().claim("orders", order.subList(from, Math.min(order.size(), from + 50)), owner,
            Duration.ofMinutes(5)));
      }
      return Map.entry(owner, mine);
    });
    Map<String, String> holder = new HashMap<>();
    for (Map.Entry<String, Set<String>> claim : claims) {
      for (String resource : claim.getValue()) {
        String previous = holder.put(resource, claim.getKey());
        assertThat(previous).as("%s claimed by both %s and %s", resource, previous, claim.getKey()).isNull();
      }
    }
    assertThat(holder.keySet()).containsExactlyInAnyOrderElementsOf(all);
    // and the store agrees: nobody else can take any of them now
    assertThat(stores.get(0).leases().claim("orders", all, "latecomer", Duration.ofMinutes(5))).isEmpty();
  }
}
