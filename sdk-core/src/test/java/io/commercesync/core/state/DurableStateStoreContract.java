package io.commercesync.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.IdempotencyConflictException;
import io.commercesync.core.error.StateStoreException;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.state.internal.SqliteStateStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the SQL stores promise beyond the common contract: durability, schema, group commit, instances. */
abstract class DurableStateStoreContract extends StateStoreContract {

  /** A plain JDBC connection to the current location, to look at the tables. */
  abstract Connection jdbc() throws SQLException;


  @Test
  void closeAndReopen_keepsEveryFacet() {
    store.checkpoints().put("magento:orders", Cursor.of("c-1"));
    store.ledger().begin(key("1"), "h1");
    store.ledger().begin(key("2"), "h2");
    store.ledger().markDone(key("2"), "SO-2");
    String letter = store.deadLetters().add(letter("orders", "3", "X", T0));
    store.crossReferences().link("customer", ExternalRef.of(MAGENTO, "42"), ExternalRef.of(GP, "JSMITH0001"));
    store.fingerprints().put("scope", "k", "fp");
    store.receivedEvents().firstArrival("clarity", "evt-1", T0);
    store.leases().claim("orders", List.of("r1"), "A", Duration.ofMinutes(5));
    DeadLetter before = store.deadLetters().get(letter).orElseThrow();
    store.close();

    StateStore again = open();
    assertThat(again.checkpoints().get("magento:orders")).contains(Cursor.of("c-1"));
    assertThat(again.ledger().get(key("1")).orElseThrow().state()).isEqualTo(LedgerEntry.State.PENDING);
    assertThat(again.ledger().get(key("2")).orElseThrow().remoteId()).isEqualTo("SO-2");
    assertThat(again.deadLetters().get(letter)).contains(before);
    assertThat(again.crossReferences().find("customer", ExternalRef.of(GP, "JSMITH0001"), MAGENTO))
        .contains(ExternalRef.of(MAGENTO, "42"));
    assertThat(again.fingerprints().get("scope", "k")).contains("fp");
    assertThat(again.receivedEvents().firstArrival("clarity", "evt-1", T0)).isFalse();
    assertThat(again.leases().claim("orders", List.of("r1"), "B", Duration.ofMinutes(5))).isEmpty();
  }

  @Test
  void closedStore_refusesWithTypedError() {
    store.close();
    assertThatThrownBy(() -> store.checkpoints().get("x")).isInstanceOf(StateStoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.ledger().begin(key("1"), "h")).isInstanceOf(StateStoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.fingerprints().put("s", "k", "v")).isInstanceOf(StateStoreException.class);
  }

  @Test
  void schema_isVersionedByTheStore_andMigratedOnce() throws Exception {
    open().close();   // a second open finds the schema current and applies nothing
    try (Connection c = jdbc(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, description FROM cs_schema_version ORDER BY version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getString(2)).isEqualTo("initial schema");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat(rs.getString(2)).isEqualTo("run history");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void schema_instancesStartingTogetherOnANewDatabase_migrateItOnce() throws Exception {
    newLocation();   // a fresh, empty one
    List<StateStore> started = race(6, this::open);
    started.get(0).checkpoints().put("s", Cursor.of("c"));
    assertThat(started.get(5).checkpoints().get("s")).contains(Cursor.of("c"));
    try (Connection c = jdbc(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cs_schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void schema_newerThanThisSdk_isRefusedWithTypedError() throws Exception {
    try (Connection c = jdbc(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO cs_schema_version (version, description, applied_at_ns) VALUES (99, 'future', 0)");
    }
    assertThatThrownBy(this::open).isInstanceOf(StateStoreException.class)
        .hasMessageContaining("schema version 99").hasMessageContaining("newer")
        .satisfies(e -> assertThat(((StateStoreException) e).retryable()).isFalse());
  }

  @Test
  void groupCommit_concurrentLedgerWrites_shareTransactions() throws Exception {
    long before = commits(store);
    int n = 2000;
    List<CompletableFuture<LedgerEntry>> begun = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      begun.add(store.ledger().beginAsync(key("gc-" + i), "h"));
    }
    CompletableFuture.allOf(begun.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    long used = commits(store) - before;

    assertThat(used).as("commits for %d writes", n).isPositive().isLessThanOrEqualTo(n / 4);
    assertThat(largestBatch(store)).isGreaterThan(1);
    for (int i = 0; i < n; i += 97) {
      assertThat(store.ledger().get(key("gc-" + i)).orElseThrow().attempts()).isEqualTo(1);
    }
  }

  @Test
  void groupCommit_asyncWritesChainedInCallbacks_areBatchedToo() throws Exception {
    long before = commits(store);
    int n = 1000;
    List<CompletableFuture<Void>> chains = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      IdempotencyKey k = key("chain-" + i);
      String remoteId = "SO-" + i;
      // the markDone is submitted from the committer thread as the begin completes
      chains.add(store.ledger().beginAsync(k, "h").thenCompose(e -> store.ledger().markDoneAsync(k, remoteId)));
    }
    CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    assertThat(commits(store) - before).as("commits for %d writes", 2 * n).isLessThanOrEqualTo(n / 2);
    assertThat(store.ledger().get(key("chain-999")).orElseThrow().remoteId()).isEqualTo("SO-999");
  }

  @Test
  void groupCommit_aRejectedWriteFailsAlone_theRestOfItsBatchCommits() throws Exception {
    store.ledger().begin(key("taken"), "h1");
    store.ledger().markDone(key("taken"), "SO-taken");
    List<CompletableFuture<LedgerEntry>> begun = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      begun.add(store.ledger().beginAsync(i == 100 ? key("taken") : key("ok-" + i), i == 100 ? "h2" : "h"));
    }
    for (int i = 0; i < 200; i++) {
      CompletableFuture<LedgerEntry> f = begun.get(i);
      if (i == 100) {
        assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IdempotencyConflictException.class);
      } else {
        assertThat(f.get(30, TimeUnit.SECONDS).attempts()).isEqualTo(1);
      }
    }
    StateStore other = open();
    for (int i = 0; i < 200; i++) {
      assertThat(other.ledger().get(key(i == 100 ? "taken" : "ok-" + i))).isPresent();
    }
    assertThat(other.ledger().get(key("taken")).orElseThrow().payloadHash()).isEqualTo("h1");
  }

  @Test
  void asyncFutures_completeOnlyAfterCommit_visibleToAnotherInstance() throws Exception {
    StateStore other = open();
    AtomicInteger missing = new AtomicInteger();
    List<CompletableFuture<Void>> checks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      IdempotencyKey k = key("vis-" + i);
      checks.add(store.ledger().beginAsync(k, "h").thenAccept(e -> {
        if (other.ledger().get(k).isEmpty()) {
          missing.incrementAndGet();
        }
      }));
    }
    CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertThat(missing).hasValue(0);
  }

  @Test
  void callbackOnCommitterThread_mayUseTheStoreWithoutDeadlock() throws Exception {
    CompletableFuture<LedgerEntry> chained = store.ledger().beginAsync(key("cb"), "h").thenApply(e -> {
      store.ledger().markDone(key("cb"), "SO-cb");   // a sync write from the completing thread
      store.deadLetters().count(DeadLetterFilter.ALL);
      return store.ledger().get(key("cb")).orElseThrow();
    });
    assertThat(chained.get(30, TimeUnit.SECONDS).remoteId()).isEqualTo("SO-cb");
  }

  @Test
  void twoInstances_ledgerBeginSameKey_exactlyOneCreates() throws Exception {
    List<StateStore> instances = List.of(store, open());
    AtomicInteger ids = new AtomicInteger();
    List<Integer> attempts = race(16, () -> instances.get(ids.getAndIncrement() % 2).ledger().begin(key("hot"), "h")
        .attempts());
    assertThat(attempts).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
  }

  @Test
  void twoInstances_leasesRacingOverThousandResources_getDisjointSetsCoveringAll() throws Exception {
    assertDisjointCover(List.of(store, open()), 8, 1000);
  }

  @Test
  void twoInstances_expiredLeaseOfADeadInstance_isTakenOver() {
    StateStore other = open();
    assertThat(store.leases().claim("orders", List.of("r1", "r2"), "instance-1", Duration.ofSeconds(30)))
        .hasSize(2);
    store.close();   // instance 1 dies holding its leases

    assertThat(other.leases().claim("orders", List.of("r1", "r2"), "instance-2", Duration.ofSeconds(30))).isEmpty();
    clock.advance(Duration.ofSeconds(31));
    assertThat(other.leases().claim("orders", List.of("r1", "r2"), "instance-2", Duration.ofSeconds(30)))
        .containsExactlyInAnyOrder("r1", "r2");
  }

  @Test
  void twoInstances_deadLetterForSameRecord_mergeIntoOneOpenLetter() throws Exception {
    List<StateStore> instances = List.of(store, open());
    AtomicInteger ids = new AtomicInteger();
    List<String> letterIds = race(8, () -> instances.get(ids.getAndIncrement() % 2).deadLetters()
        .add(letter("orders", "1043", "X", T0)));
    assertThat(letterIds).containsOnly(letterIds.get(0));
    assertThat(store.deadLetters().get(letterIds.get(0)).orElseThrow().attempts()).isEqualTo(8);
  }

  @Test
  void asyncAfterClose_failsTheFuture() {
    store.close();
    CompletableFuture<LedgerEntry> f = store.ledger().beginAsync(key("late"), "h");
    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(StateStoreException.class);
  }

  /** Transactions the store's group committer has committed (an internal counter). */
  static long commits(StateStore s) {
    return s instanceof SqliteStateStore q ? q.commits()
        : ((io.commercesync.core.state.internal.PostgresStateStore) s).commits();
  }

  /** The largest batch the store's group committer has committed. */
  static int largestBatch(StateStore s) {
    return s instanceof SqliteStateStore q ? q.largestBatch()
        : ((io.commercesync.core.state.internal.PostgresStateStore) s).largestBatch();
  }
}
